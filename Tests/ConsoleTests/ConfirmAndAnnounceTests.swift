import Foundation
import Store
import Testing
@testable import Bot
@testable import Console

/// "Confirm and announce" end to end: DSHR's `[PLAN]` mail is previewed by the desk the message
/// handler uses, then the Plan is confirmed in the console. Each person's announcement is queued
/// once; a second confirmation queues nothing.
@Suite struct ConfirmAndAnnounceTests {
    static let plan = """
        course_id,title,competency_group,audience,kind,location,term,hours,start_date,end_date,language,delivery,cost_kzt,participant_email\r
        C-01,Research methods,professional_knowledge_and_research,PPS,qualification,domestic,medium,36,2026-09-01,2026-09-30,en,online,60000,staff.law@kazguu.kz\r
        C-01,Research methods,professional_knowledge_and_research,PPS,qualification,domestic,medium,36,2026-09-01,2026-09-30,en,online,60000,head.econ@kazguu.kz\r

        """

    /// DSHR's `[PLAN]` command with the Plan attached, as a mail client writes it.
    static func planMail(from: String, id: String) -> [UInt8] {
        let attachment = Data(plan.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let text = """
            From: DSHR <\(from)>
            To: <hr-intake@kazguu.kz>
            Subject: [PLAN]
            Date: Thu, 28 May 2026 10:00:00 +0500
            Message-ID: <\(id)>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="plan-boundary"

            --plan-boundary
            Content-Type: text/plain; charset=utf-8

            Approved: 2026-07-03
            --plan-boundary
            Content-Type: text/csv; charset=utf-8; name="plan.csv"
            Content-Disposition: attachment; filename="plan.csv"
            Content-Transfer-Encoding: base64

            \(attachment)
            --plan-boundary--

            """
        return Array(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    @Test func aPreviewedPlanConfirmedInTheConsoleQueuesEachAnnouncementOnce() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        let roster = try fixture.store.roster.load()
        let dshrPerson = try #require(roster.person(address: "dshr.console@kazguu.kz"))
        let desk = try CycleDesk(environment: fixture.environment)
        let reading = try MessageReading.read(Self.planMail(from: dshrPerson.email, id: "plan-1@kazguu.kz"),
                                              receivedAt: fixture.clock.now, limits: .init())
        let result = try desk.plan.receive(from: dshrPerson, reading: reading, hash: "plan-1", roster: roster)
        guard case .previewed(let slot, _) = result else {
            Issue.record("the Plan was not previewed: \(result)")
            return
        }
        #expect(slot == "2026-2027")
        let announcements = { try fixture.store.outbox.all().map(\.purpose).filter { $0.hasPrefix("announce:") }.sorted() }
        #expect(try announcements().isEmpty, "a preview announces nothing")

        let browser = TestBrowser(app: fixture.app)
        browser.signIn("dshr.console@kazguu.kz", mailer: fixture.mailer)
        let page = browser.get("/plan", query: ["lang": "en"])
        #expect(page.bodyText.contains("action=\"/plan/\(slot)/confirm\""))
        let csrf = try #require(TestBrowser.csrf(in: page))
        // The first click only asks; nothing is queued yet.
        let asking = browser.post("/plan/\(slot)/confirm", form: ["csrf": csrf])
        #expect(asking.status == 200)
        #expect(asking.bodyText.contains("action=\"/plan/\(slot)/announce\""))
        #expect(try announcements().isEmpty)

        let done = browser.post("/plan/\(slot)/announce", form: ["csrf": csrf, "confirm": "yes"])
        #expect(done.status == 200)
        #expect(done.bodyText.contains("Announcements queued now: 4; queued before: 0."))
        let expected = roster.people.map { "announce:\(slot):\($0.email)" }.sorted()
        #expect(try announcements() == expected)
        let stored = try #require(try desk.plans.plans(cycle: slot).first)
        #expect(stored.confirmedBy == "dshr.console@kazguu.kz")
        #expect(stored.state != .previewed)

        // A second click (a reload, a double click) queues nobody again.
        let again = browser.post("/plan/\(slot)/announce", form: ["csrf": csrf, "confirm": "yes"])
        #expect(again.status == 200)
        #expect(again.bodyText.contains("Announcements queued now: 0; queued before: 4."))
        #expect(try announcements() == expected)
        #expect(try fixture.store.journal.events().events.filter { $0.detail?.contains("confirmed and announced Plan \(slot)") == true }.count == 2)
    }
}
