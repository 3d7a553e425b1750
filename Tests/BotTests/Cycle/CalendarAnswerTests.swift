import Foundation
@testable import Intake
import MIME
import Store
import Testing
@testable import Bot

/// The Plan's calendar entries are sent without asking for an answer, but Gmail and Outlook let
/// people click "Yes" anyway: that answer (RFC 5546 REPLY) is machine-made and never answered.
@Suite struct CalendarAnswerTests {
    static func message(method: String) -> String {
        """
        From: Asel Seitkali <a.seitkali@kazguu.kz>\r
        To: hr-intake@kazguu.kz\r
        Subject: Accepted: Professional development: Research methods\r
        Message-ID: <answer-\(method)@kazguu.kz>\r
        Date: Sun, 6 Dec 2026 10:00:00 +0500\r
        MIME-Version: 1.0\r
        Content-Type: multipart/alternative; boundary="b"\r
        \r
        --b\r
        Content-Type: text/plain; charset=utf-8\r
        \r
        Asel Seitkali has accepted this invitation.\r
        --b\r
        Content-Type: text/calendar; charset=utf-8; method=\(method)\r
        \r
        BEGIN:VCALENDAR\r
        METHOD:\(method)\r
        BEGIN:VEVENT\r
        UID:cpd-1@kazguu.kz\r
        ATTENDEE;PARTSTAT=ACCEPTED:mailto:a.seitkali@kazguu.kz\r
        END:VEVENT\r
        END:VCALENDAR\r
        --b--\r

        """
    }

    static func facts(_ raw: String) throws -> RoutingFacts {
        RoutingFacts(try MessageReading.read(Array(raw.utf8), receivedAt: Date(), limits: .init()), trustedAuthservID: "mx.kazguu.kz")
    }

    @Test(arguments: ["REPLY", "COUNTER", "REFRESH", "reply"])
    func aCalendarAnswerIsLeftUnanswered(_ method: String) throws {
        let facts = try Self.facts(Self.message(method: method))
        #expect(facts.isAutoReply)
        let decision = Router.route(facts, roster: try RoutingFixtures.roster())
        #expect(decision.outcome == .ignored)
        #expect(decision.replyTo == nil)
    }

    /// Someone forwarding an invitation they received is writing to the bot, not answering it.
    @Test(arguments: ["REQUEST", "PUBLISH"])
    func anInvitationIsNoAnswer(_ method: String) throws {
        #expect(try !Self.facts(Self.message(method: method)).isAutoReply)
    }
}
