import Config
import Documents
import Foundation
import Intake
import MIME
import Regulation
import Staff
import Store

/// The `[COMPLETIONS]` command: each result against the stored Plans, a certificate number that
/// never changes (TrainingLedger), the training history, and one notice per person and course
/// (`certificate:` / `expulsion:` / `readmission:<course>:<email>`), so the same list sent
/// again sends nothing new. DSHR gets a summary.
struct CompletionsDesk {
    let environment: BotEnvironment
    let mail: CycleMail
    let rules: CycleRules
    var plans: PlanStore { PlanStore(store: environment.store) }

    struct Summary: Equatable {
        var certificatesNew = 0, certificatesBefore = 0, expulsions = 0, readmissions = 0, noticesQueued = 0
        var issues: [RowIssue] = []
    }

    func receive(from person: RosterPerson, reading: MessageReading, hash: String, roster: Roster) throws -> Summary? {
        let plan = try plans.merged()
        guard let (fileName, records, readIssues) = findList(in: reading) else {
            try reply(person, reading: reading, hash: hash, values: ["completions_unreadable": true])
            return nil
        }
        guard !plan.courses.isEmpty else {
            try reply(person, reading: reading, hash: hash, values: ["completions_no_plan": true])
            return nil
        }
        let (results, issues) = CompletionEvaluator(plan: plan, policy: rules.policy).evaluate(records)
        var ledger = try TrainingLedger.load(from: environment.store)
        let recorded = ledger.record(results, plan: plan, format: rules.certificateFormat)
        var summary = Summary(certificatesNew: recorded.certificatesNew, certificatesBefore: recorded.certificatesBefore,
                              expulsions: recorded.expulsions, readmissions: recorded.readmissions,
                              issues: readIssues + issues)
        // The ledger is written before any notice is queued: a crash in between re-queues the
        // notices (their purposes are not in the outbox yet) but never issues a second number.
        let notices: [(RosterPerson?, String, CompletionResult, String?)] = recorded.entries.map { entry in
            (roster.person(address: entry.result.record.participantEmail), entry.course.id, entry.result,
             entry.certificateNumber)
        }
        try ledger.save(to: environment.store)
        let certificates = try recordCertificates(notices, plan: plan)
        // Drawn only for certificate notices still to be queued (a repeated list draws nothing),
        // a chunk at a time on every core.
        var printer: CertificatePrinter?
        for start in stride(from: 0, to: notices.count, by: Self.chunkSize) {
            let chunk = Array(notices[start..<min(notices.count, start + Self.chunkSize)])
            var wanted: [(offset: Int, certificate: IssuedCertificate)] = []
            for (offset, (_, courseID, result, number)) in chunk.enumerated() {
                guard let number, let certificate = certificates[number], let course = plan.course(id: courseID),
                      try !mail.isQueued(purpose: purpose(.certificate, course: course, email: result.record.participantEmail))
                else { continue }
                wanted.append((offset, certificate))
            }
            var drawn: [Int: Issued] = [:]
            if !wanted.isEmpty {
                if printer == nil { printer = try CertificatePrinter(environment: environment) }
                guard let printer else { continue }
                let pdfs = try printer.pdfs(wanted.map(\.certificate))
                for (index, item) in wanted.enumerated() {
                    let number = item.certificate.number
                    drawn[item.offset] = Issued(record: item.certificate, pdf: pdfs[index], code: printer.code(for: number),
                                                verifyURL: printer.verifyURL(for: number))
                }
            }
            for (offset, (recipient, courseID, result, number)) in chunk.enumerated() {
                guard let course = plan.course(id: courseID) else { continue }
                if try notify(recipient, course: course, result: result, certificate: number, issued: drawn[offset], dshr: person) {
                    summary.noticesQueued += 1
                }
            }
        }
        try reply(person, reading: reading, hash: hash, values: CompletionContexts.summary(summary, fileName: fileName))
        return summary
    }

    /// The registry's record of every certificate in this list, adding (in one write) those it
    /// does not have yet – new ones, and ones issued before certificates were drawn.
    private func recordCertificates(_ notices: [(RosterPerson?, String, CompletionResult, String?)],
                                    plan: Plan) throws -> [String: IssuedCertificate] {
        let book = environment.store.certificates
        var known = Dictionary(try book.all().map { ($0.number, $0) }, uniquingKeysWith: { _, last in last })
        var added: [IssuedCertificate] = []
        let language = environment.configuration.bot.language.rawValue
        let languages = environment.configuration.certificates.languages.map(\.rawValue)
        let today = CivilDate(environment.now(), in: environment.timeZone).iso
        for (person, courseID, result, number) in notices {
            guard let number, known[number] == nil, let course = plan.course(id: courseID) else { continue }
            let email = result.record.participantEmail
            let own = person?.language.rawValue ?? language
            let certificate = IssuedCertificate(
                number: number, participantEmail: email, fullName: person?.fullName ?? email, courseID: course.id,
                courseTitle: course.title, group: course.group.rawValue, hours: result.hours,
                startDate: course.startDate.iso, endDate: course.endDate.iso, delivery: course.delivery.rawValue,
                issuedOn: today, languages: languages.isEmpty ? [own] : languages)
            known[number] = certificate
            added.append(certificate)
        }
        try book.record(added)
        return known
    }

    /// Certificates drawn (and held in memory) at a time.
    static let chunkSize = 64

    /// A certificate drawn for its notice.
    private struct Issued {
        var record: IssuedCertificate
        var pdf: [UInt8]
        var code: String
        var verifyURL: String
    }

    private enum NoticeKind: String { case certificate, expulsion, readmission }

    private func purpose(_ kind: NoticeKind, course: Course, email: String) -> String {
        "\(kind.rawValue):\(course.id):\(email)"
    }

    /// One notice; true when it is new. A certificate notice carries the certificate's PDF.
    private func notify(_ person: RosterPerson?, course: Course, result: CompletionResult, certificate: String?,
                        issued: Issued?, dshr: RosterPerson) throws -> Bool {
        let email = result.record.participantEmail
        let language = person?.language.rawValue ?? environment.configuration.bot.language.rawValue
        var values = CompletionContexts.notice(name: person?.fullName ?? email, course: course, result: result,
                                               certificate: certificate)
        if let person { values["name"] = person }  // greeted by the roster's given name and patronymic
        let to = [person.map(CycleMail.mailbox) ?? Mailbox(displayName: nil, address: email)]
        var cc: [Mailbox] = []
        var attachments: [OutgoingMessage.Attachment] = []
        let kind: NoticeKind
        switch result.outcome {
        case .certificate:
            kind = .certificate
            if let issued {
                values["has_certificate_pdf"] = true
                values["verification_code"] = issued.code
                values["verify_url"] = issued.verifyURL
                // Named in the reader's language, as the Plan's course list is.
                let number = CertificateFileName.safe(issued.record.number)
                let strings = try? TemplateLibrary(directory: environment.templatesDirectory)
                    .strings(RosterPerson.Language(rawValue: language) ?? .kk)
                let name = strings.map { PlanWorkbook.fileName($0.attachment("certificate_file", ["number": number])) }
                attachments.append(OutgoingMessage.Attachment(
                    filename: (name.flatMap { $0.contains(number) ? $0 : nil } ?? "certificate_\(number)") + ".pdf",
                    mimeType: "application/pdf", bytes: issued.pdf))
            }
        case .expulsionReimburse:
            kind = .expulsion
            // §7.14: DSHR keeps a copy of what the person is asked to reimburse.
            cc = [CycleMail.mailbox(dshr)]
        case .readmission: kind = .readmission
        }
        return try mail.send(ReplyWriter.Request(
            template: "course_result", language: language, context: { _ in values }, to: to, cc: cc,
            purpose: purpose(kind, course: course, email: email), autoSubmitted: "auto-generated",
            attachments: attachments))
    }

    private func reply(_ person: RosterPerson, reading: MessageReading, hash: String, values extra: [String: Any]) throws {
        var values: [String: Any] = ["name": person, "original_subject": reading.summary.subject ?? "",
                                     "is_completions": true]
        values.merge(extra) { _, new in new }
        try mail.send(ReplyWriter.Request(
            template: "command_result", language: person.language.rawValue, context: { _ in values },
            to: [CycleMail.mailbox(person)], purpose: "reply-command:\(hash)",
            inReplyTo: reading.summary.messageId.map(ReplyContext.bracketed)))
    }

    /// The first attachment that reads as a completions list.
    private func findList(in reading: MessageReading) -> (String, [CompletionRecord], [RowIssue])? {
        for verdict in reading.files where verdict.file.role == .attachment && !verdict.file.hasHostileName {
            guard let bytes = verdict.file.bytes,
                  let document = try? DocumentReader.read(bytes: bytes, fileName: verdict.file.filename),
                  let (records, issues) = try? CompletionsTableReader().read(document),
                  !records.isEmpty else { continue }
            return (ReplyContext.visible(verdict.file.filename), records, issues)
        }
        return nil
    }
}
