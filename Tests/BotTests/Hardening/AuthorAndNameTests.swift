import Foundation
@testable import Intake
import MIME
import Staff
import Store
import Testing
@testable import Bot

/// One author per message, look-alike domains, hostile names made visible (issue 13).
@Suite struct AuthorAndNameTests {
    static let head = "a.seitkali@kazguu.kz"

    private func facts(_ raw: String, trusted: String = "mx.kazguu.kz") throws -> RoutingFacts {
        let reading = try MessageReading.read(Array(raw.utf8), receivedAt: Date(), limits: .init())
        return RoutingFacts(reading, trustedAuthservID: trusted)
    }

    private func message(_ header: String) -> String {
        header + "Subject: Өтінім\r\nMessage-ID: <m@x>\r\nDate: Sun, 6 Dec 2026 10:00:00 +0500\r\n\r\nSee the table.\r\n"
    }

    @Test(arguments: [
        ("From: <a.seitkali@kazguu.kz>, <boss@evil.example>\r\n", "severalAuthors"),
        ("From: a.seitkali@kazguu.kz\r\nFrom: boss@evil.example\r\n", "severalFromFields"),
        ("From: a.seitkali@kazguu.kz\r\nSender: <x@kazguu.kz>, <y@kazguu.kz>\r\n", "invalidSender"),
        ("From: a.seitkali@kazguu.kz\r\nSender: Undisclosed:;\r\n", "invalidSender"),
        ("From: <a.seitkali@kazguu.kz>\r\nAuthentication-Results: mx.kazguu.kz; dmarc=pass header.from=evil.example\r\n", "authenticatedDomainDiffers"),
    ])
    func severalOrUnconfirmedAuthorsAreReported(_ header: String, _ kind: String) throws {
        let facts = try facts(message(header))
        let decision = Router.route(facts, roster: try RoutingFixtures.roster())
        #expect(decision.outcome == .reported)
        guard case let .reportToDSHR(.authorUnclear(problem)) = decision.action else {
            Issue.record("expected authorUnclear, got \(decision.action)")
            return
        }
        #expect(String(describing: problem).hasPrefix(kind))
        #expect(decision.replyTo == nil)
    }

    @Test func twoHundredAuthorsAreAllShown() throws {
        let list = (0..<200).map { "<p\($0)@evil.example>" }.joined(separator: ", ")
        let raw = message("From: <a.seitkali@kazguu.kz>, \(list)\r\n")
        let summary = try MessageSummary.read(Array(raw.utf8))
        #expect(summary.fromAll.count == 201)
        let decision = Router.route(try facts(raw), roster: try RoutingFixtures.roster())
        guard case let .reportToDSHR(.authorUnclear(.severalAuthors(all))) = decision.action else {
            Issue.record("expected severalAuthors")
            return
        }
        #expect(all.count == 201)
    }

    /// A single From with a Sender (a secretary sending for the head) is allowed by RFC 5322.
    @Test func aSenderForOneAuthorIsFine() throws {
        let facts = try facts(message("From: <a.seitkali@kazguu.kz>\r\nSender: <secretary@kazguu.kz>\r\n"))
        #expect(facts.authorProblem == nil)
        let passing = try self.facts(message("From: <a.seitkali@kazguu.kz>\r\nAuthentication-Results: mx.kazguu.kz; dmarc=pass header.from=kazguu.kz\r\n"))
        #expect(passing.authorProblem == nil)
        // header.from of an untrusted server means nothing.
        let untrusted = try self.facts(message("From: <a.seitkali@kazguu.kz>\r\nAuthentication-Results: mx.evil.example; dmarc=pass header.from=evil.example\r\n"))
        #expect(untrusted.authorProblem == nil)
    }

    @Test func missingFromIsReportedWithoutReply() throws {
        let decision = Router.route(try facts(message("To: hr-intake@kazguu.kz\r\n")), roster: try RoutingFixtures.roster())
        #expect(decision.action == .reportToDSHR(.noSender))
    }

    /// Look-alikes of a head's address never match the roster.
    @Test(arguments: [
        "a.seitkali@kazguu.kz.evil.example", "a.seitkali@kazgu u.kz", "a.seitkali@\u{212A}azguu.kz",
        "a.seitkali@kazguu.k\u{200B}z", "a.seitkali@kаzguu.kz", "a.seitkali@xn--kzguu-6ve.kz", "a.seitkali@kazguu.kz.",
    ])
    func lookAlikeDomainsNeverMatch(_ address: String) throws {
        let roster = try RoutingFixtures.roster()
        #expect(roster.person(address: Self.head) != nil)
        let parsed = AddressParser.parseFirst(address)?.address ?? address
        #expect(roster.person(address: parsed) == nil, "\(address) → \(parsed)")
        let decision = Router.route(try facts(message("From: \(address)\r\n")), roster: roster)
        #expect(decision.outcome != .processed)
        #expect(decision.person == nil)
    }

    @Test(arguments: [
        ("otinim_\u{202E}xslx.exe", "otinim_⟨U+202E⟩xslx.exe"),
        ("a\u{2066}b\u{2069}.xlsx", "a⟨U+2066⟩b⟨U+2069⟩.xlsx"),
        ("zero\u{200B}width.xlsx", "zero⟨U+200B⟩width.xlsx"),
        ("nul\u{0}.xlsx", "nul⟨U+0000⟩.xlsx"),
        ("c1\u{85}.xlsx", "c1⟨U+0085⟩.xlsx"),
        ("line\u{2028}sep.xlsx", "line⟨U+2028⟩sep.xlsx"),
    ])
    func hiddenCharactersAreHostileAndShownVisibly(_ name: String, _ shown: String) {
        #expect(HostileFileName.isHostile(name))
        #expect(ReplyContext.visible(name) == shown)
    }

    @Test(arguments: ["Өтінім_2026.xlsx", "Заявка (итог).xlsx", "application.v2.ods", "Қосымша 1.docx"])
    func ordinaryNamesAreFine(_ name: String) {
        #expect(!HostileFileName.isHostile(name))
        #expect(ReplyContext.visible(name) == name)
    }

    /// Whatever a sender writes reaches no header raw: CR/LF become spaces, hidden characters markers.
    @Test func headersCarryNoControlOrBidiCharacter() {
        let nasty = "Evil\r\nBcc: victim@example.com\u{202E}\u{85}"
        let subject = HeaderEncoder.unstructured("Re: " + nasty, nameLength: 9)
        let mailbox = HeaderEncoder.mailbox(Mailbox(displayName: nasty, address: "a@b.kz\r\nBcc: x@y"))
        for header in [subject, mailbox] {
            let unfolded = header.replacingOccurrences(of: "\r\n ", with: " ")
            #expect(!unfolded.contains("\r") && !unfolded.contains("\n"), "\(header)")
            let decoded = EncodedWords.decode(unfolded)
            #expect(!decoded.unicodeScalars.contains { VisibleText.isHidden($0) }, "\(decoded)")
        }
    }

    @Test func templateContextsAreMadeVisible() {
        let context: [String: Any] = ["original_subject": "Re: \u{202E}fdp.exe", "files": [["file": "a\u{0}b.xlsx", "hostile_name": true]],
                                      "count": 3, "lines": ["x\u{2066}"], "body": "two\nlines"]
        let visible = TemplateLibraryRenderer.visible(context)
        #expect(visible["original_subject"] as? String == "Re: ⟨U+202E⟩fdp.exe")
        #expect((visible["files"] as? [[String: Any]])?.first?["file"] as? String == "a⟨U+0000⟩b.xlsx")
        #expect(visible["count"] as? Int == 3)
        #expect(visible["lines"] as? [String] == ["x⟨U+2066⟩"])
        #expect(visible["body"] as? String == "two\nlines")
    }
}

/// A head's rows are stored under their unit only when the file names no other roster unit.
@Suite struct UnitMatchTests {
    static let units = ["Бухгалтерлік есеп бөлімі", "Құқық жоғары мектебі", "Кітапхана"]

    @Test func anotherUnitIsNamed() {
        #expect(UnitMatch.otherUnit(named: ["Құқық жоғары мектебі"], sender: "Бухгалтерлік есеп бөлімі", units: Self.units)
            == "Құқық жоғары мектебі")
        #expect(UnitMatch.otherUnit(named: ["  құқық ЖОҒАРЫ мектебі. "], sender: "Кітапхана", units: Self.units) == "Құқық жоғары мектебі")
    }

    @Test func theOwnUnitNoUnitOrAnUnknownNameIsFine() {
        #expect(UnitMatch.otherUnit(named: [], sender: "Кітапхана", units: Self.units) == nil)
        #expect(UnitMatch.otherUnit(named: ["Кітапхана"], sender: "Кітапхана", units: Self.units) == nil)
        #expect(UnitMatch.otherUnit(named: ["ҚЖМ", "Law School"], sender: "Кітапхана", units: Self.units) == nil)
        // A list that names the sender's unit among others is the sender's (a shared course).
        #expect(UnitMatch.otherUnit(named: ["Кітапхана", "Құқық жоғары мектебі"], sender: "Кітапхана", units: Self.units) == nil)
    }

    @Test func routingRefusesTheMisfiledList() throws {
        let roster = try RoutingFixtures.roster()
        let facts = RoutingFacts(from: "s.akhmetova@kazguu.kz", attachments: [AttachmentFacts(fileName: "a.xlsx", reading: .usableRows(3))])
        var misfiled = facts
        misfiled.rowUnits = ["Құқық жоғары мектебі"]
        #expect(Router.route(misfiled, roster: roster).action == .rejectWithReply(.unitMismatch(named: "Құқық жоғары мектебі")))
        #expect(Router.route(misfiled, roster: roster).replyTo == "s.akhmetova@kazguu.kz")
        var own = facts
        own.rowUnits = ["Бухгалтерлік есеп бөлімі"]
        #expect(Router.route(own, roster: roster).action == .storeAndReceipt)
        #expect(Router.route(facts, roster: roster).action == .storeAndReceipt)
    }
}
