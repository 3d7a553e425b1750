import Foundation
import Staff
import Store
import Testing
@testable import Console

/// The messages page: the journal filtered by sender, outcome and day; one message with its
/// outcome and the reply queued for it; DSHR every message, a head their unit's.
@Suite struct MessagesPageTests {
    static let sha = String(repeating: "ab", count: 32), other = String(repeating: "cd", count: 32)

    static func events(at now: Date) -> [JournalEvent] {
        [
            JournalEvent(at: now, event: .received, messageID: "one@x", from: "head.law@kazguu.kz", sha256: sha),
            JournalEvent(at: now, event: .routed, messageID: "one@x", outcome: "processed", from: "head.law@kazguu.kz", sha256: sha),
            JournalEvent(at: now.addingTimeInterval(-2 * 86_400), event: .routed, messageID: "two@x", outcome: "rejected",
                         from: "<script>x@evil</script>", detail: "\"><img src=x>", sha256: other),
            JournalEvent(at: now, event: "console", from: "dshr.console@kazguu.kz", detail: "signed in"),
        ]
    }

    @Test func theFiltersKeepWhatTheySay() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        let strings = fixture.app.templates.strings(.en)
        let now = fixture.clock.now
        let all = MessagesPage(events: Self.events(at: now), filter: .init(), limit: 10, strings: strings)
        #expect(all.matched == 3, "the console's own lines are not messages")
        #expect(all.lines.first?.href == "/messages/" + Self.other, "newest first: the last line written comes first")
        #expect(MessagesPage(events: Self.events(at: now), filter: .init(from: "HEAD.LAW"), limit: 10, strings: strings).matched == 2)
        #expect(MessagesPage(events: Self.events(at: now), filter: .init(outcome: "rejected"), limit: 10, strings: strings).matched == 1)
        let day = AlmatyDay.of(now)
        #expect(MessagesPage(events: Self.events(at: now), filter: .init(date: day), limit: 10, strings: strings).matched == 2)
        let cut = MessagesPage(events: Self.events(at: now), filter: .init(), limit: 1, strings: strings)
        #expect(cut.isCut && cut.shown == 1 && cut.matched == 3)
    }

    @Test func oneMessageShowsItsOutcomeAndReplyToDSHRAndItsUnitsHead() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        for event in Self.events(at: fixture.clock.now) { try fixture.store.journal.append(event) }
        _ = try fixture.store.outbox.enqueue(messageID: "reply-1@kazguu.kz", purpose: "reply-receipt:\(Self.sha)",
                                             recipients: ["head.law@kazguu.kz"], subject: "Өтініміңіз қабылданды",
                                             raw: Data("Subject: x\r\n\r\nx\r\n".utf8), now: fixture.clock.now)
        let dshr = TestBrowser(app: fixture.app)
        dshr.signIn("dshr.console@kazguu.kz", mailer: fixture.mailer)
        let list = dshr.get("/messages", query: ["lang": "en"])
        #expect(list.status == 200)
        #expect(list.bodyText.contains("&lt;script&gt;x@evil&lt;/script&gt;") && !list.bodyText.contains("<img src=x"))
        let filtered = dshr.get("/messages", query: ["outcome": "processed"])
        #expect(filtered.bodyText.contains("href=\"/messages/\(Self.sha)\"") && !filtered.bodyText.contains(Self.other))
        let one = dshr.get("/messages/" + Self.sha)
        #expect(one.status == 200)
        #expect(one.bodyText.contains("data-figure=\"message-outcome\">processed<"))
        // No outcome is chosen until one is asked for (an empty string would count as chosen).
        #expect(!list.bodyText.contains(" selected>"))
        #expect(filtered.bodyText.contains("<option value=\"processed\" selected>processed</option>"))
        #expect(one.bodyText.contains("Өтініміңіз қабылданды"))
        #expect(dshr.get("/messages/" + String(repeating: "0", count: 64)).status == 404)
        #expect(dshr.get("/messages/../etc").status == 404)
        // A head sees the messages of their unit's people (here their own), nothing else.
        let head = TestBrowser(app: fixture.app, client: "10.0.0.31")
        head.signIn("head.law@kazguu.kz", mailer: fixture.mailer)
        let headList = head.get("/messages")
        #expect(headList.status == 200)
        #expect(headList.bodyText.contains(Self.sha) && !headList.bodyText.contains(Self.other))
        #expect(head.get("/messages/" + Self.sha).status == 200)
        #expect(head.get("/messages/" + Self.other).status == 404)
        let otherHead = TestBrowser(app: fixture.app, client: "10.0.0.32")
        otherHead.signIn("head.econ@kazguu.kz", mailer: fixture.mailer)
        #expect(otherHead.get("/messages/" + Self.sha).status == 404)
        let staff = TestBrowser(app: fixture.app, client: "10.0.0.33")
        staff.signIn("staff.law@kazguu.kz", mailer: fixture.mailer)
        #expect(staff.get("/messages").status == 404)
        #expect(staff.get("/messages/" + Self.sha).status == 404)
    }
}

/// The Almaty day of a moment as `yyyy-mm-dd`, for the tests' filters.
enum AlmatyDay {
    static func of(_ date: Date) -> String {
        let zone = TimeZone(identifier: "Asia/Almaty")!
        let seconds = Int(date.timeIntervalSince1970) + zone.secondsFromGMT(for: date)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
