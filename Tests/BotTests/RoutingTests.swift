import Foundation
@testable import Intake
import Staff
import Store
import Testing
@testable import Bot

@Suite struct RoutingCorpusTests {
    static let records = (try? RoutingFixtures.messages()) ?? []

    @Test func corpusIsLoaded() {
        #expect(Self.records.count == 26)
    }

    /// Every message of the sample corpus gets the oracle's action, sender and unit.
    @Test(arguments: records)
    func expectedActionForEverySample(record: RoutingFixtures.MessageRecord) throws {
        let decision = Router.route(RoutingFixtures.facts(for: record), roster: try RoutingFixtures.roster())
        #expect(RoutingFixtures.actionName(decision.action) == record.expected_action)
        #expect(decision.effectiveSender == record.sender_effective)
        #expect(decision.unit == record.unit)
        let expectedOutcome: RoutingOutcome = switch record.expected_action {
        case "store_and_receipt": .processed
        case "reject_with_reply": .rejected
        case "ignore_no_reply": .ignored
        default: .reported
        }
        #expect(decision.outcome == expectedOutcome)
    }

    @Test func rejectionsNameTheFileAndTheProblem() throws {
        let roster = try RoutingFixtures.roster()
        let byFile = Dictionary(uniqueKeysWithValues: Self.records.map { ($0.file, $0) })
        let expected: [String: RejectReason] = [
            "emails/04_thunderbird_reply_econ_deputy_ods.eml": .senderNotAllowed(role: .staff),
            "emails/15_unknown_gmail_sender.eml": .unknownSender,
            "emails/17_hostile_filename_path_traversal.eml": .files([FileProblem(fileName: "../../etc/passwd.xlsx", kind: .hostileName)]),
            "emails/18_zipbomb_xlsx_attachment.eml": .files([FileProblem(fileName: "Otinim_BM_2026.xlsx", kind: .unsafeArchive)]),
            "emails/20_truncated_base64_attachment.eml": .files([FileProblem(fileName: "Тіркеу_офисі_өтінім.xlsx", kind: .encryptedOrCorrupt)]),
            "emails/22_oversized_12mb_scan.eml": .files([FileProblem(fileName: "Өтінім_скан_қол қойылған.pdf", kind: .tooLarge)]),
            "emails/24_pdf_only_application.eml": .files([FileProblem(fileName: "Өтінім_ҚҚЕБ.pdf", kind: .unsupportedFormat)]),
        ]
        for (file, reason) in expected {
            let record = try #require(byFile[file])
            let decision = Router.route(RoutingFixtures.facts(for: record), roster: roster)
            #expect(decision.action == .rejectWithReply(reason), "\(file)")
        }
    }
}

@Suite struct RoutingRuleTests {
    static let head = "a.seitkali@kazguu.kz"
    static let dshr = "dshr@kazguu.kz"
    static let table = AttachmentFacts(fileName: "otinim.xlsx", reading: .usableRows(6))

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let facts: RoutingFacts
        let action: RoutingAction
        let sender: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "null return path is never answered",
             facts: RoutingFacts(from: head, returnPathEmpty: true, attachments: [table]), action: .ignoreNoReply, sender: head),
        Case(name: "bounce wins over auto-reply headers",
             facts: RoutingFacts(from: "MAILER-DAEMON@mx.kazguu.kz", returnPathEmpty: true, isAutoReply: true, isBounce: true),
             action: .reportToDSHR(.bounce), sender: nil),
        Case(name: "auto-reply from a head with a table is still ignored",
             facts: RoutingFacts(from: head, isAutoReply: true, attachments: [table]), action: .ignoreNoReply, sender: head),
        Case(name: "forged DSHR command is reported, not run",
             facts: RoutingFacts(from: dshr, authDMARCFailFromTrustedServer: true, commandTag: .roster),
             action: .reportToDSHR(.spoofed(claimedFrom: dshr)), sender: nil),
        Case(name: "no From: at all", facts: RoutingFacts(from: nil, attachments: [table]), action: .reportToDSHR(.noSender), sender: nil),
        Case(name: "DSHR command", facts: RoutingFacts(from: "DSHR@KAZGUU.KZ", commandTag: .plan), action: .dshrCommand(.plan), sender: dshr),
        Case(name: "a head's [PLAN] tag is no command",
             facts: RoutingFacts(from: head, commandTag: .plan, attachments: [table]), action: .storeAndReceipt, sender: head),
        Case(name: "DSHR forward by author name",
             facts: RoutingFacts(from: dshr, forwardedAuthor: .name("Омаров Дәурен"), attachments: [table]),
             action: .storeAndReceipt, sender: "d.omarov@kazguu.kz"),
        Case(name: "DSHR forward of an unknown author",
             facts: RoutingFacts(from: dshr, forwardedAuthor: .address("someone@mail.ru"), attachments: [table]),
             action: .rejectWithReply(.forwardedAuthorUnknown("someone@mail.ru")), sender: dshr),
        Case(name: "DSHR forward of a staff member",
             facts: RoutingFacts(from: dshr, forwardedAuthor: .address("d.abenova@kazguu.kz"), attachments: [table]),
             action: .rejectWithReply(.senderNotAllowed(role: .staff)), sender: "d.abenova@kazguu.kz"),
        Case(name: "DSHR attachment without tag or forward",
             facts: RoutingFacts(from: dshr, attachments: [table]), action: .rejectWithReply(.dshrMessageNotUnderstood), sender: dshr),
        Case(name: "a forward by a head counts as the head's own",
             facts: RoutingFacts(from: head, forwardedAuthor: .address("d.omarov@kazguu.kz"), attachments: [table]),
             action: .storeAndReceipt, sender: head),
        Case(name: "unsplittable structure",
             facts: RoutingFacts(from: head, attachments: [table], structureUnsplittable: true),
             action: .rejectWithReply(.files([FileProblem(fileName: nil, kind: .malformedStructure)])), sender: head),
        Case(name: "unfilled template",
             facts: RoutingFacts(from: head, attachments: [AttachmentFacts(fileName: "t.xlsx", reading: .usableRows(0))]),
             action: .rejectWithReply(.files([FileProblem(fileName: "t.xlsx", kind: .emptyTemplate)])), sender: head),
        Case(name: "empty body table",
             facts: RoutingFacts(from: head, bodyTableRows: 0),
             action: .rejectWithReply(.files([FileProblem(fileName: nil, kind: .emptyTemplate)])), sender: head),
        Case(name: "signed scan next to a table is ignored",
             facts: RoutingFacts(from: head, attachments: [table, AttachmentFacts(fileName: "scan.pdf", reading: .unsupported)]),
             action: .storeAndReceipt, sender: head),
        Case(name: "hostile file next to a good table spoils the message",
             facts: RoutingFacts(from: head, attachments: [table, AttachmentFacts(fileName: "a\u{0}.xlsx", reading: .usableRows(3))]),
             action: .rejectWithReply(.files([FileProblem(fileName: "a\u{0}.xlsx", kind: .hostileName)])), sender: head),
        Case(name: "every bad file is listed",
             facts: RoutingFacts(from: head, attachments: [
                AttachmentFacts(fileName: "a.pdf", reading: .unsupported), AttachmentFacts(fileName: "b.docx", reading: .noTableFound),
                AttachmentFacts(fileName: "logo.png", reading: .notApplication),
             ]),
             action: .rejectWithReply(.files([FileProblem(fileName: "a.pdf", kind: .unsupportedFormat), FileProblem(fileName: "b.docx", kind: .noTableFound)])),
             sender: head),
        Case(name: "only decoration: a question",
             facts: RoutingFacts(from: head, attachments: [AttachmentFacts(fileName: "logo.png", reading: .notApplication)]),
             action: .reportToDSHR(.questionWithoutApplication), sender: head),
        Case(name: "body table and file add up",
             facts: RoutingFacts(from: head, attachments: [AttachmentFacts(fileName: "t.xlsx", reading: .usableRows(0))], bodyTableRows: 2),
             action: .storeAndReceipt, sender: head),
    ]

    @Test(arguments: cases)
    func rule(_ item: Case) throws {
        let decision = Router.route(item.facts, roster: try RoutingFixtures.roster())
        #expect(decision.action == item.action)
        #expect(decision.effectiveSender == item.sender)
    }

    @Test func foldersAreNamedForOutcomes() {
        #expect(RoutingOutcome.allCases.map(\.folder) == ["Processed", "Rejected", "Ignored", "Reported"])
    }

    @Test func forwardedReceiptGoesToTheAuthor() throws {
        let facts = RoutingFacts(from: "a.director@kazguu.kz", forwardedAuthor: .address("S.Akhmetova@kazguu.kz"), attachments: [Self.table])
        let decision = Router.route(facts, roster: try RoutingFixtures.roster())
        #expect(decision.replyTo == "s.akhmetova@kazguu.kz")
        #expect(decision.person?.language == .ru)
    }
}

@Suite struct SubjectTagTests {
    @Test(arguments: [
        ("[PLAN] 2026-2027", DSHRCommand.plan), ("Fwd: [жоспар] бекітілді", .plan), ("[ПЛАН]", .plan),
        ("[COMPLETIONS] June", .completions), ("[ҚОРЫТЫНДЫ]", .completions), ("[КОРЫТЫНДЫ]", .completions), ("итоги [Итоги]", .completions),
        ("[roster]", .roster), ("[ ТІЗІМ ]", .roster), ("[ТIЗIМ]", .roster), ("Re: [СПИСОК] обновлен", .roster),
        ("[EXT] [PLAN]", .plan),
    ])
    func recognises(subject: String, command: DSHRCommand) {
        #expect(SubjectTag.command(in: subject) == command)
    }

    @Test(arguments: ["PLAN 2026", "[PLANS]", "Re: Өтінім", "[", "]PLAN[", "", "[ПЛАНЫ]"])
    func ignores(subject: String) {
        #expect(SubjectTag.command(in: subject) == nil)
    }
}

@Suite struct HostileFileNameTests {
    @Test(arguments: [
        ("../../etc/passwd.xlsx", true), ("..\\evil.xlsx", true), ("a/b.xlsx", true), ("..", true),
        ("a\u{0}.xlsx", true), ("line\nbreak.csv", true), ("esc\u{1B}.xlsx", true), (String(repeating: "ә", count: 128) + ".csv", true),
        ("Өтінім_Құқық жоғары мектебі_2026.xlsx", false), ("a..b.xlsx", false), ("...xlsx", false),
        (String(repeating: "a", count: 255), false),
    ])
    func classifies(name: String, hostile: Bool) {
        #expect(HostileFileName.isHostile(name) == hostile)
    }
}
