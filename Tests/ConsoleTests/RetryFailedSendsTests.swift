import Foundation
@testable import Intake
import Staff
import Store
import Testing
@testable import Bot
@testable import Console

/// "Retry" on the Plan page: the announcements the server refused for good are listed with its
/// reason; the first click asks, the second requeues each once through the same path as DSHR's
/// confirming reply; a second click (or a second reply) requeues nothing more.
@Suite struct RetryFailedSendsTests {
    @Test func aFailedAnnouncementRetriedOnceQueuesExactlyOneMailAndASecondClickNone() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        let desk = try CycleDesk(environment: fixture.environment)
        guard case .previewed(let slot, _) = try DSHRCommandMail.previewPlan(fixture, desk: desk) else {
            Issue.record("the Plan was not previewed")
            return
        }
        let summary = try desk.confirmAndAnnounce(slot: slot, cycle: slot, by: "dshr.console@kazguu.kz")
        #expect(summary.queued == 4)
        let outbox = fixture.store.outbox
        let announcements = { try outbox.all().filter { $0.purpose.hasPrefix("announce:\(slot):") } }
        let refused = try #require(try announcements().first { $0.purpose.hasSuffix(":staff.law@kazguu.kz") })
        try outbox.markFailed(messageID: refused.messageID, reason: "550 5.2.2 <staff.law@kazguu.kz>: mailbox full",
                              permanent: true, now: fixture.clock.now)

        let browser = TestBrowser(app: fixture.app)
        browser.signIn("dshr.console@kazguu.kz", mailer: fixture.mailer)
        let page = browser.get("/plan", query: ["lang": "en"])
        #expect(page.bodyText.contains("550 5.2.2 &lt;staff.law@kazguu.kz&gt;: mailbox full"), "the reason, escaped")
        #expect(page.bodyText.contains("action=\"/plan/\(slot)/retry\""))
        let csrf = try #require(TestBrowser.csrf(in: page))
        #expect(browser.post("/plan/\(slot)/retry", form: ["csrf": "forged"]).status == 403)

        // The first click only asks.
        let asking = browser.post("/plan/\(slot)/retry", form: ["csrf": csrf])
        #expect(asking.status == 200)
        #expect(asking.bodyText.contains("action=\"/plan/\(slot)/resend\""))
        #expect(try outbox.entry(messageID: refused.messageID)?.state.name == "failed")
        // Without the confirmation field nothing happens.
        #expect(browser.post("/plan/\(slot)/resend", form: ["csrf": csrf]).status == 403)

        let done = browser.post("/plan/\(slot)/resend", form: ["csrf": csrf, "confirm": "yes"])
        #expect(done.status == 200)
        #expect(done.bodyText.contains("Queued again: 1; queued for the first time: 0."))
        #expect(try outbox.entry(messageID: refused.messageID)?.state == .queued, "the same message, queued once more")
        #expect(try announcements().count == 4, "no second message for anyone")
        #expect(try announcements().filter { $0.state == .queued }.count == 4)

        let again = browser.post("/plan/\(slot)/resend", form: ["csrf": csrf, "confirm": "yes"])
        #expect(again.bodyText.contains("Queued again: 0; queued for the first time: 0."))
        #expect(try announcements().count == 4)
        #expect(try fixture.store.journal.events().events.filter { $0.detail?.contains("retried the failed announcements") == true }.count == 2)
    }

    /// The console's Retry is DSHR's mail path: a reply "confirm" to the preview requeues a
    /// failed announcement the same way, once.
    @Test func dshrsConfirmingReplyRequeuesAFailedAnnouncementLikeRetry() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        let desk = try CycleDesk(environment: fixture.environment)
        guard case .previewed(let slot, _) = try DSHRCommandMail.previewPlan(fixture, desk: desk) else {
            Issue.record("the Plan was not previewed")
            return
        }
        _ = try desk.confirmAndAnnounce(slot: slot, cycle: slot, by: "dshr.console@kazguu.kz")
        let outbox = fixture.store.outbox
        let refused = try #require(try outbox.all().first { $0.purpose == "announce:\(slot):head.econ@kazguu.kz" })
        try outbox.markFailed(messageID: refused.messageID, reason: "554 5.7.1 refused", permanent: true, now: fixture.clock.now)
        let failed = try desk.failedAnnouncements(slot: slot)
        #expect(failed.map(\.address) == ["head.econ@kazguu.kz"] && failed.allSatisfy(\.canRetry))

        let plan = try #require(try desk.plans.plans(cycle: slot).first)
        let roster = try fixture.store.roster.load()
        let dshr = try #require(roster.person(address: "dshr.console@kazguu.kz"))
        func reply(_ id: String) throws -> AnnouncementSummary {
            let raw = "From: <dshr.console@kazguu.kz>\r\nTo: <hr-intake@kazguu.kz>\r\nSubject: Re: Plan\r\n"
                + "Message-ID: <\(id)>\r\nIn-Reply-To: \(ReplyContext.bracketed(plan.previewMessageID))\r\nDate: Thu, 28 May 2026 11:00:00 +0500\r\n\r\nConfirm\r\n"
            let reading = try MessageReading.read(Array(raw.utf8), receivedAt: fixture.clock.now, limits: .init())
            let confirmed = try #require(try desk.plan.confirmedPlan(by: reading, sender: dshr))
            return try desk.plan.confirm(confirmed, by: dshr, reading: reading, hash: id, roster: roster)
        }
        let first = try reply("confirm-1@kazguu.kz")
        #expect(first.retried == 1 && first.queued == 1 && first.alreadyQueued == 3)
        #expect(try outbox.entry(messageID: refused.messageID)?.state == .queued)
        let second = try reply("confirm-2@kazguu.kz")
        #expect(second.retried == 0 && second.queued == 0 && second.alreadyQueued == 4)
        #expect(try desk.failedAnnouncements(slot: slot).isEmpty)
    }
}
