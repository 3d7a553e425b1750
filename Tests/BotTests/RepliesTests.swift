import Config
import Foundation
@testable import Intake
import MIME
import Regulation
import Staff
import Store
import Wording
import Testing
@testable import Bot

/// Sample contexts for every template, shaped by the context builders the bot uses.
enum ReplySamples {
    static var templates: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates")
    }

    static let head = RosterPerson(
        email: "a.seitkali@kazguu.kz", fullName: "Сейтқали Әлібек Қайратұлы", category: .pps,
        unit: "Құқық жоғары мектебі", role: .head, leadership: true, language: .kk)
    static let staff = RosterPerson(
        email: "d.abenova@kazguu.kz", fullName: "Әбенова Динара Ғаниқызы", category: .pps,
        unit: "Халықаралық экономика мектебі", role: .staff, leadership: true, language: .kk)

    static func row(_ email: String, _ name: String, hours: Int = 72) -> StoredApplicationRow {
        StoredApplicationRow(
            no: 1, school: head.unit, fullName: name, trainingDirection: nil, programme: nil, lastCourse: nil,
            lastCourseDate: nil, lastCourseHours: hours, phone: nil, email: email, unit: head.unit,
            submittedBy: head.email, messageID: "m@x", receivedAt: Date(timeIntervalSince1970: 1_778_580_000),
            sourceFile: "Өтінім.xlsx", cycle: "2026-2027", late: false)
    }

    static let message = NotedMessage(
        from: "a.seitkali@kazguu.kz", subject: "RE: Өтінім <script>", date: nil, messageID: "<abc@kazguu.kz>",
        receivedAt: MailTimestamp(Date(timeIntervalSince1970: 1_778_560_860), in: CPDBotConfiguration.defaultTimeZone))  // 12 May 2026, 09:41 in Almaty

    /// Every template with the contexts that exercise its variants.
    static func contexts(_ strings: ReplyStrings) -> [(String, [String: Any])] {
        let first = [row("a@kazguu.kz", "Әлиев Марат"), row("b@kazguu.kz", "Бекова Сәуле")]
        let repository = ApplicationChangeSample.change(
            old: [row("a@kazguu.kz", "Әлиев Марат", hours: 36), row("c@kazguu.kz", "Сарсенов Ерлан")], new: first)
        let invalid = [
            InvalidRowNote(file: "Өтінім.xlsx", row: 9, field: "email", problem: "invalid"),
            InvalidRowNote(file: nil, row: 4, field: "last_course_date", problem: "future"),
            InvalidRowNote(file: "Өтінім.xlsx", row: 11, field: "last_course_hours", problem: "out_of_range"),
        ]
        var result: [(String, [String: Any])] = [
            ("receipt", ReceiptContext(name: head.fullName, unit: head.unit, cycle: "2026-2027", sourceFiles: ["Өтінім.xlsx"],
                                       accepted: first, invalidRows: [], change: nil, late: false, deadline: nil).values(strings)),
            ("receipt", ReceiptContext(name: head.fullName, unit: head.unit, cycle: "2026-2027", sourceFiles: ["Өтінім.xlsx"],
                                       accepted: first, invalidRows: invalid, change: repository, late: true, deadline: CivilDate(year: 2026, month: 6, day: 1)).values(strings)),
        ]
        for kind in FileProblemKind.allCases {
            let file: String? = kind == .malformedStructure ? nil : "Өтінім_<b>.xlsx"
            result.append(("reject_file", RejectFileContext(
                name: head.fullName, problems: [FileProblem(fileName: file, kind: kind)], maximumSize: ByteCount(10 << 20),
                originalSubject: "RE: Өтінім").values()))
        }
        result += [
            ("reject_sender_not_allowed", SenderNotAllowedContext(person: staff, heads: [head]).values()),
            ("reject_sender_not_allowed", SenderNotAllowedContext(person: staff, heads: []).values()),
            ("reject_unknown_sender", UnknownSenderContext(address: "aidana.serikova92@gmail.com", originalSubject: "Өтінім").values()),
            ("reject_dshr_message", DSHRMessageContext(name: "Әлиева Аида", reason: .forwardedAuthorUnknown("x@mail.ru"), originalSubject: "FW: Өтінім").values()),
            ("reject_dshr_message", DSHRMessageContext(name: "Әлиева Аида", reason: .dshrMessageNotUnderstood, originalSubject: nil).values()),
            ("report_to_dshr", ReportContext(reason: .bounce, message: message, failedRecipient: "b.tulegenov@kazguu.kz", bouncedSubject: "Өтінімдер қабылдау").values()),
            ("report_to_dshr", ReportContext(reason: .spoofed(claimedFrom: "a.seitkali@kazguu.kz"), message: message).values()),
            ("report_to_dshr", ReportContext(reason: .questionWithoutApplication, message: message, senderName: head.fullName, unit: head.unit).values()),
            ("report_to_dshr", ReportContext(reason: .noSender, message: NotedMessage(from: nil, subject: nil, date: nil, messageID: nil)).values()),
            ("reject_unit_mismatch", ["name": head.fullName, "unit": head.unit, "named_unit": "Бухгалтерлік есеп бөлімі", "original_subject": "Өтінім"]),
            ("report_to_dshr", ReportContext(reason: .authorUnclear(.severalAuthors(["a@kazguu.kz", "b@evil.example"])), message: message).values()),
            ("report_to_dshr", ReportContext(reason: .authorUnclear(.authenticatedDomainDiffers(fromDomain: "kazguu.kz", authenticated: "evil.example")), message: message).values()),
        ]
        // A poison note for every kind of failure, the error's own words on the line for IT.
        for kind in FailureKind.allCases {
            result.append(("poison_note", PoisonNoteContext(message: message, attempts: 1, folder: "Rejected", failure: kind,
                                                            technical: "\(kind.rawValue) failed: index out of range").values()))
        }
        let refusals = [MessageRefusal.tooLarge(size: 30 << 20, maximum: 25 << 20)]
            + [MIMEError.limitExceeded(limit: .parts, actual: 1001, maximum: 1000), .limitExceeded(limit: .nestingDepth, actual: 33, maximum: 32),
               .limitExceeded(limit: .headerLineLength, actual: 70_000, maximum: 65_536), .limitExceeded(limit: .headerBytes, actual: 2 << 20, maximum: 1 << 20),
               .notAMessage(reason: "no header")].map(MessageRefusal.init)
        for refusal in refusals {
            result.append(("reject_message", refusal.replyValues(name: head.fullName, originalSubject: "Өтінім")))
            var report = message.values()
            report["folder"] = "Rejected"
            report.merge(refusal.reportValues()) { _, new in new }
            report["sender_told"] = true
            result.append(("report_to_dshr", report))
        }
        // An announcement the server refused when the bot sent it: in no folder of the mailbox.
        var refused = ReportContext(reason: .bounce, message: NotedMessage(from: "cpd@kazguu.kz", subject: "Жоспар", date: nil, messageID: "m@kazguu.kz"),
                                    failedRecipient: "b.tulegenov@kazguu.kz", bouncedSubject: "Жоспар", folder: "").values()
        refused["is_announcement"] = true
        result.append(("report_to_dshr", refused))
        return result
    }
}

/// Builds an ApplicationChange the way the bot does: the store's replaced rows, then Intake's diff.
enum ApplicationChangeSample {
    static func change(old: [StoredApplicationRow], new: [StoredApplicationRow]) -> ApplicationChange? {
        let unit = new.first?.unit ?? "U"
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-replies-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        guard let store = try? FileStore(root: root) else { return nil }
        _ = try? store.applications.replace(unit: unit, cycle: "2026-2027", rows: old)
        guard let replaced = try? store.applications.replace(unit: unit, cycle: "2026-2027", rows: new) else { return nil }
        return ApplicationChange(replacing: replaced, with: new)
    }
}

@Suite struct RepliesTests {
    static let library = TemplateLibrary(directory: ReplySamples.templates)

    @Test(arguments: RosterPerson.Language.allCases)
    func everyTemplateRendersCompletely(language: RosterPerson.Language) throws {
        let strings = try Self.library.strings(language)
        let samples = ReplySamples.contexts(strings)
        #expect(Set(samples.map(\.0)) == Set(TemplateLibrary.names))
        for (name, context) in samples {
            let reply = try Self.library.render(name, language: language, context: context)
            // Values from senders are escaped in HTML, never markup.
            RenderedReplyChecks.expectComplete(reply, language: language, label: "\(language) \(name)", minimumLength: 10,
                                               unescaped: ["<script>", "<b>.xlsx"])
        }
    }

    @Test(arguments: RosterPerson.Language.allCases)
    func receiptListsAcceptedRejectedAndChanges(language: RosterPerson.Language) throws {
        let strings = try Self.library.strings(language)
        let (_, context) = ReplySamples.contexts(strings)[1]
        let reply = try Self.library.render("receipt", language: language, context: context)
        for expected in ["Әлиев Марат", "b@kazguu.kz", "Сарсенов Ерлан", strings.column("email"), strings.column("last_course_hours"),
                         strings.rowProblem(field: "email", problem: "invalid").problem,
                         LongDate.text(year: 2026, month: 6, day: 1, language: language.wording), "Өтінім.xlsx", " 9", " 11"] {
            #expect(reply.text.contains(expected), "\(language): \(expected)")
        }
        #expect(reply.subject.contains("3"))
    }

    @Test(arguments: RosterPerson.Language.allCases)
    func everyFileProblemHasItsOwnWording(language: RosterPerson.Language) throws {
        var texts = Set<String>()
        for kind in FileProblemKind.allCases {
            let context = RejectFileContext(name: nil, problems: [FileProblem(fileName: "f.pdf", kind: kind)], maximumSize: ByteCount(10 << 20), originalSubject: nil).values()
            texts.insert(try Self.library.render("reject_file", language: language, context: context).text)
        }
        #expect(texts.count == FileProblemKind.allCases.count)
    }

    @Test(arguments: RosterPerson.Language.allCases)
    func stringsCoverEveryColumnAndRowProblem(language: RosterPerson.Language) throws {
        let strings = try Self.library.strings(language)
        for key in StoredApplicationRow.keys.prefix(10) { #expect(strings.columns[key] != nil, "\(language) \(key)") }
        for key in ["full_name.missing", "email.missing", "email.invalid", "email.duplicate", "last_course_date.invalid",
                    "last_course_date.future", "last_course_hours.invalid", "last_course_hours.out_of_range", "*"] {
            #expect(strings.rowProblems[key] != nil, "\(language) \(key)")
        }
    }

    @Test func missingTemplateNamesThePath() {
        let library = TemplateLibrary(directory: URL(fileURLWithPath: "/nonexistent/templates"))
        #expect(throws: ReplyTemplateError.missingTemplate(path: "/nonexistent/templates/en/receipt.subject.mustache")) {
            try library.render("receipt", language: .en, context: [:])
        }
        #expect(throws: ReplyTemplateError.self) { try Self.library.render("no_such_template", language: .kk, context: [:]) }
    }

    @Test func subjectsCannotInjectHeaders() throws {
        let context = UnknownSenderContext(address: "x@y.kz", originalSubject: "Hi\r\nBcc: victim@x.kz").values()
        let reply = try Self.library.render("reject_unknown_sender", language: .en, context: context)
        #expect(!reply.subject.contains("\r") && !reply.subject.contains("\n"))
        #expect(reply.subject.hasSuffix("Hi Bcc: victim@x.kz"))
    }
}
