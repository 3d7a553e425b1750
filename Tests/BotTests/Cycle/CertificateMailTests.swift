import Foundation
import Logging
import MIME
import Regulation
import Staff
import Store
import Testing
@testable import Bot

/// Issue 16: the certificate each `completed` participant of the sample completions gets – one
/// PDF that names them, their course, hours and number, shows the colour stamp, and whose QR
/// code carries the verification URL – and the registry behind `cpdbot certificate`.
@Suite struct CertificateMailTests {
    typealias Expected = SampleCycleTests.Expected

    /// The sample cycle's Plan and completions through the desks; the certificate notices' rows.
    static func issued(_ completionsEmail: String) throws -> (CycleDesk, FileStore, [Expected.Row]) {
        let all = try SampleCycleTests.expected()
        let expected = try #require(all.completions.first { $0.email == completionsEmail })
        let planCase = try #require(all.plans.first { $0.file == expected.plan })
        let (desk, store, roster) = try SampleCycleTests.desk()
        let planSender = try #require(roster.person(address: planCase.from))
        _ = try desk.plan.receive(from: planSender, reading: SampleCycleTests.reading(planCase.email), hash: "p", roster: roster)
        let sender = try #require(roster.person(address: expected.from))
        _ = try desk.completions.receive(from: sender, reading: SampleCycleTests.reading(completionsEmail), hash: "c", roster: roster)
        return (desk, store, expected.rows.filter { $0.outcome == "certificate" })
    }

    static func pdfs(in raw: Data) throws -> [[UInt8]] {
        let message = try MessageParser().parse([UInt8](raw))
        return try message.fileParts.filter { $0.contentType.mimeType == "application/pdf" }.map { try $0.decodedBody().bytes }
    }

    @Test(arguments: try SampleCycleTests.expected().completions.map(\.email))
    func everyCompletedParticipantGetsOneCertificate(_ email: String) throws {
        let (desk, store, rows) = try Self.issued(email)
        #expect(!rows.isEmpty)
        for (index, row) in rows.enumerated() {
            let purpose = "certificate:\(row.course_id):\(row.participant_email)"
            let raw = try store.outbox.raw(messageID: desk.mail.messageID(purpose: purpose))
            let pdfs = try Self.pdfs(in: raw)
            try #require(pdfs.count == 1, "\(purpose): one PDF")
            let pdf = pdfs[0]
            #expect(pdf.count <= 300_000, "\(purpose): \(pdf.count) bytes")
            let certificate = try #require(try store.certificates.all().first {
                $0.participantEmail == row.participant_email && $0.courseID == row.course_id
            })
            let text = try CertificateChecks.text(ofPDF: pdf)
            for wanted in [certificate.fullName, certificate.courseTitle, "\(certificate.hours)", certificate.number] {
                #expect(text.contains(wanted), "\(purpose): '\(wanted)' in the PDF's text")
            }
            let notice = try MessageParser().parse([UInt8](raw)).readableText()
            let code = try CertificateMaker(environment: desk.environment).code(for: certificate.number)
            // pdftotext breaks the footer where Pango wrapped it, which may fall after the code's hyphen.
            let printed = text.filter { !$0.isWhitespace }
            #expect(notice.contains(code) && printed.contains(code), "\(purpose): the verification code in the notice and the PDF")
            // The picture and the QR code for the first of each list (pdftoppm at 150 dpi is the slow part).
            if index == 0 {
                let picture = try CertificateChecks.picture(ofPDF: pdf)
                #expect(picture.inkShare() > 0.03, "page 1 is not blank")
                // layout.yml: the stamp at x 138–174 mm, y 142–178 mm of 297 × 210.
                #expect(picture.coloredShare(x: 0.465..<0.585, y: 0.676..<0.847) > 0.03, "the stamp is coloured")
                let url = try CertificateChecks.qrText(ofPDF: pdf)
                #expect(url == "https://hr.kazguu.kz/verify/" + certificate.number)
            }
        }
    }

    @Test func eachSampleCertificateReadsInKazakhRussianAndEnglish() throws {
        let email = try #require(try SampleCycleTests.expected().completions.first?.email)
        let (desk, store, _) = try Self.issued(email)
        let maker = try CertificateMaker(environment: desk.environment)
        let words = ["kk": "Құзыреттер тобы", "ru": "Группа компетенций", "en": "Competency group"]
        for var certificate in try store.certificates.all() {
            for languages in [["kk"], ["ru"], ["en"], ["kk", "ru"]] {
                certificate.languages = languages
                let pdf = try maker.pdf(certificate)
                #expect(pdf.count <= 300_000)
                let text = try CertificateChecks.text(ofPDF: pdf)
                for wanted in [certificate.fullName, certificate.courseTitle, "\(certificate.hours)", certificate.number]
                    + languages.compactMap({ words[$0] }) {
                    #expect(text.contains(wanted), "\(certificate.number) in \(languages): '\(wanted)'")
                }
            }
        }
    }

    @Test func verifyAcceptsTheCodeAndRefusesAChangedNumber() throws {
        let email = try #require(try SampleCycleTests.expected().completions.first?.email)
        let (desk, store, _) = try Self.issued(email)
        let certificates = CertificateDesk(environment: desk.environment)
        let certificate = try #require(try store.certificates.all().first)
        let code = try CertificateMaker(environment: desk.environment).code(for: certificate.number)
        #expect(try certificates.verify(number: certificate.number, code: code) == .valid(certificate))
        #expect(try certificates.verify(number: certificate.number, code: code.lowercased().replacingOccurrences(of: "-", with: ""))
            == .valid(certificate), "typed without the dash, in lower case")
        // Another issued number with this code, and a number never issued.
        if let other = try store.certificates.all().first(where: { $0.number != certificate.number }) {
            #expect(try certificates.verify(number: other.number, code: code) == .wrongCode)
        }
        let forged = String(certificate.number.dropLast()) + (certificate.number.last == "9" ? "8" : "9")
        #expect(try certificates.verify(number: forged, code: code) != .valid(certificate))
        #expect(try certificates.verify(number: "CPD-1999-99999", code: code) == .unknownNumber)
        // The registry and the key are private files.
        for name in ["registry.json", "secret.key"] {
            let path = store.certificates.directory.appendingPathComponent(name).path
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
            #expect(mode == 0o600, "\(name): \(String(mode, radix: 8))")
        }
    }

    @Test func reissueKeepsTheNumberAndMarksTheDuplicate() throws {
        let email = try #require(try SampleCycleTests.expected().completions.first?.email)
        let (desk, store, _) = try Self.issued(email)
        let certificate = try #require(try store.certificates.all().first)
        let (reissued, pdf) = try #require(try CertificateDesk(environment: desk.environment)
            .reissue(number: certificate.number, fullName: "Әлия Қуанышқызы Тестова"))
        #expect(reissued.number == certificate.number)
        #expect(reissued.reissues.count == 1)
        let text = try CertificateChecks.text(ofPDF: pdf)
        #expect(text.contains("Әлия Қуанышқызы Тестова"))
        #expect(text.contains("ДУБЛИКАТ") || text.contains("ТЕЛНҰСҚА") || text.contains("DUPLICATE"))
        #expect(try store.certificates.certificate(number: certificate.number) == reissued)
    }
}
