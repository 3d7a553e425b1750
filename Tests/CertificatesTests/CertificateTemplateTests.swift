import Foundation
import Testing
@testable import Certificates

/// The shipped template reads, a broken one is refused with its file and key named, and a
/// certificate is a one-page PDF with its fonts embedded as subsets.
@Suite struct CertificateTemplateTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templates = repository.appendingPathComponent("templates/certificate")
    static let images = repository.appendingPathComponent("Tests/Fixtures/certificate")

    static func content(_ languages: [String], duplicate: String? = nil) -> CertificateContent {
        CertificateContent(number: "CPD-2026-00042", code: "7K2M-9QXD", fullName: "Әсел Қайратқызы Нұрғалиева",
                           courseTitle: "Құқықтық зерттеу әдістері", group: "professional_knowledge_and_research", hours: 72,
                           startDate: "01.09.2026", endDate: "30.09.2026", delivery: "blended", issueDate: "05.10.2026",
                           duplicateDate: duplicate, verifyURL: "https://hr.kazguu.kz/verify/CPD-2026-00042",
                           signatory: "А. Б. Сапаров", languages: languages)
    }

    static func renderer() throws -> CertificateRenderer {
        try CertificateRenderer(template: .load(directory: templates), images: .init(
            signature: images.appendingPathComponent("signature.png").path,
            stamp: images.appendingPathComponent("stamp.png").path, logo: images.appendingPathComponent("logo.png").path))
    }

    @Test func theShippedTemplateHasEveryText() throws {
        let template = try CertificateTemplate.load(directory: Self.templates)
        #expect(template.layout.page.widthMM > template.layout.page.heightMM, "A4 landscape")
        for language in CertificateTemplate.languages {
            let texts = try #require(template.texts[language])
            #expect(Set(texts.groups.keys).count == 7, "\(language): the seven §5.3 groups")
            #expect(Set(texts.formats.keys) == ["offline", "online", "blended"])
        }
        #expect(template.texts["kk"]?.strings["university"]?.contains("Нәрікбаев") == true)
    }

    @Test(arguments: [["kk"], ["ru"], ["en"], ["kk", "ru"]])
    func aCertificateIsOnePDFPageWithSubsetFonts(_ languages: [String]) throws {
        let pdf = try Self.renderer().pdf(Self.content(languages))
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        #expect(pdf.count <= 300_000, "\(pdf.count) bytes")
        #expect(text.contains("/Type /Page\n") || text.contains("/Type /Page ") || text.contains("/Type /Page/"))
        // A subset font's name starts with six capital letters and '+' (PDF 32000 §9.6.4).
        #expect(text.range(of: "/FontName /[A-Z]{6}\\+", options: .regularExpression) != nil)
    }

    @Test func aTextWithAnUnknownPlaceholderIsRefusedByName() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cert-template-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["layout.yml", "kk.yml", "ru.yml", "en.yml"] {
            try FileManager.default.copyItem(at: Self.templates.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        let ru = directory.appendingPathComponent("ru.yml")
        try String(contentsOf: ru, encoding: .utf8).replacingOccurrences(of: "{hours}", with: "{houres}")
            .write(to: ru, atomically: true, encoding: .utf8)
        let error = #expect(throws: CertificateError.self) { try CertificateTemplate.load(directory: directory) }
        #expect(error.map { "\($0)".contains("ru.yml") && "\($0)".contains("{houres}") } == true, "\(String(describing: error))")
    }

    @Test func aMissingImageNamesItsKey() {
        let error = #expect(throws: CertificateError.self) {
            try CertificateRenderer(template: .load(directory: Self.templates), images: .init(stamp: "/nonexistent/stamp.png"))
        }
        #expect(error.map { "\($0)".contains("certificates.stamp_image") && "\($0)".contains("/nonexistent/stamp.png") } == true)
    }

    @Test func placeholdersAreFilled() {
        #expect(CertificateTexts.fill("{hours} h, {name}!", ["hours": "72", "name": "Ә"]) == "72 h, Ә!")
        #expect(CertificateTexts.names(in: "a {x} b {y}") == ["x", "y"])
    }
}

/// Not a check: with CPDBOT_CERTIFICATE_GALLERY=DIR it writes the sample certificate in kk, ru,
/// en and kk+ru as PDF there (docs/mail-gallery/ keeps their first pages as PNG, made with
/// `pdftoppm -r 60 -png -singlefile`). Without the variable it does not run.
@Suite struct CertificateGallery {
    static let directory = ProcessInfo.processInfo.environment["CPDBOT_CERTIFICATE_GALLERY"]

    @Test(.enabled(if: directory != nil)) func writeSamples() throws {
        let renderer = try CertificateTemplateTests.renderer()
        for languages in [["kk"], ["ru"], ["en"], ["kk", "ru"]] {
            let pdf = try renderer.pdf(CertificateTemplateTests.content(languages))
            let url = URL(fileURLWithPath: try #require(Self.directory)).appendingPathComponent("certificate_\(languages.joined(separator: "+")).pdf")
            try Data(pdf).write(to: url)
            print("GALLERY: \(url.path) \(pdf.count) bytes")
        }
    }
}

/// Not a timed test: with CPDBOT_MEASURE_RENDER=N it draws N certificates with one renderer
/// and prints the time (the drawing alone, without the store and the outbox).
@Suite struct CertificateRenderMeasurement {
    static let count = ProcessInfo.processInfo.environment["CPDBOT_MEASURE_RENDER"].flatMap(Int.init)

    @Test(.enabled(if: count != nil)) func drawMany() throws {
        let renderer = ProcessInfo.processInfo.environment["CPDBOT_MEASURE_NO_IMAGES"] != nil
            ? try CertificateRenderer(template: .load(directory: CertificateTemplateTests.templates), images: .init())
            : try CertificateTemplateTests.renderer()
        var bytes = 0
        let duration = try ContinuousClock().measure {
            for index in 0..<(Self.count ?? 0) {
                var content = CertificateTemplateTests.content([["kk"], ["ru"], ["en"]][index % 3])
                content.number = "CPD-2026-\(index)"
                bytes += try renderer.pdf(content).count
            }
        }
        print("MEASURE: \(Self.count ?? 0) certificates drawn in \(duration), \(bytes / max(1, Self.count ?? 1)) bytes each")
    }
}
