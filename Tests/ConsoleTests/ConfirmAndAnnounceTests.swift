import Foundation
import Staff
import Store
import Testing
@testable import Bot
@testable import Console

/// "Confirm and announce" end to end: DSHR's `[PLAN]` mail is previewed by the desk the message
/// handler uses, then the Plan is confirmed in the console. Each person's announcement is queued
/// once; a second confirmation queues nothing.
@Suite struct ConfirmAndAnnounceTests {
    @Test func aPreviewedPlanConfirmedInTheConsoleQueuesEachAnnouncementOnce() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        let roster = try fixture.store.roster.load()
        let desk = try CycleDesk(environment: fixture.environment)
        let result = try DSHRCommandMail.previewPlan(fixture, desk: desk)
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
