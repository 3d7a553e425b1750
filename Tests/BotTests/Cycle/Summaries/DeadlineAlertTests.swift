import Foundation
@testable import Intake
import Regulation
import Staff
import Store
import Testing
@testable import Bot

/// Issue 6 item 3: DSHR is alerted once when a confirmed Plan's §7.7 announcement will be late –
/// from one working day before the deadline, while announcements are pending or failed.
@Suite struct DeadlineAlertTests {
    static func calendar() throws -> HolidayCalendar {
        try CycleRules.load(directory: MailSandbox.repository.appendingPathComponent("config")).calendar
    }

    /// Approved Fri 3 Jul 2026 → deadline Mon 13 Jul (6 Jul is Capital Day); alert from Fri 10 Jul.
    static func plan(_ state: PlanState, slot: String = "2026-2027") -> StoredPlan {
        StoredPlan(slot: slot, cycle: "2026-2027", state: state, fileName: "plan.xlsx", storedFile: "plan.xlsx", sha256: "x",
                   approvalDate: CivilDate(text: "2026-07-03")!, approvalLine: nil, deadline: CivilDate(text: "2026-07-13")!,
                   from: "d@kazguu.kz", receivedAt: Date(), previewMessageID: "<p@x>")
    }

    static func counts(sent: Int = 0, pending: Int = 0, failed: Int = 0) -> PlanStatus.Counts {
        var counts = PlanStatus.Counts()
        counts.sent = sent
        counts.pending = pending
        counts.failed = failed
        return counts
    }

    /// (today, state, outbox counts, alert due)
    @Test(arguments: [
        ("2026-07-09", PlanState.announced, counts(sent: 1, pending: 5), false),   // two working days before: not yet
        ("2026-07-10", .announced, counts(sent: 1, pending: 5), true),             // one working day before
        ("2026-07-11", .announced, counts(pending: 1), true),                      // the weekend in between
        ("2026-07-13", .announced, counts(pending: 1), true),                      // the deadline itself
        ("2026-07-14", .announced, counts(pending: 1), false),                     // past: the window is over
        ("2026-07-10", .announced, counts(sent: 6), false),                        // all sent
        ("2026-07-10", .announced, counts(sent: 5, failed: 1), true),              // one failed for good
        ("2026-07-10", .confirmed, counts(), true),                                // confirmed, nothing queued
        ("2026-07-10", .previewed, counts(), false),                               // not confirmed: the reminders' job
    ])
    func due(today: String, state: PlanState, counts: PlanStatus.Counts, expected: Bool) throws {
        let plan = Self.plan(state)
        let due = try DeadlineAlert.due(today: CivilDate(text: today)!, plans: [plan], counts: [plan.slot: counts],
                                        calendar: Self.calendar())
        #expect(due.map(\.slot) == (expected ? [plan.slot] : []), "\(today) \(state)")
    }

    @Test(arguments: [
        ("2026-07-13", "2026-07-10"),   // Monday → the Friday before
        ("2026-07-07", "2026-07-03"),   // Tue after Capital Day (Mon 6 Jul) → Fri 3 Jul
        ("2026-03-26", "2026-03-20"),   // Nauryz 21–25 Mar 2026 (two carried over) → Fri 20 Mar
    ])
    func alertDay(deadline: String, expected: String) throws {
        #expect(try DeadlineAlert.alertDay(before: CivilDate(text: deadline)!, calendar: Self.calendar()).iso == expected)
    }

    @Test func onceWithTheCountsAndTheFailedAddresses() throws {
        let f = try ReportsFixture(now: ReportsFixture.morning("2026-07-03"))
        let roster = try f.store.roster.load()
        let person = try #require(roster.person(address: CycleDeskTests.dshr))
        let raw = CycleDeskTests().planMessage(id: "alert-plan@x")
        let reading = try MessageReading.readAsDated(raw)
        _ = try f.desk.plan.receive(from: person, reading: reading, hash: "alert", roster: roster)
        _ = try f.desk.announce(cycle: "2026-2027")
        let announcements = try f.entries("announce:")
        #expect(announcements.count == 4)
        try f.store.outbox.markSent(messageID: announcements[0].messageID)
        try f.store.outbox.markSent(messageID: announcements[1].messageID)
        try f.store.outbox.markFailed(messageID: announcements[2].messageID, reason: "550 5.1.1 mailbox unknown", permanent: true)

        #expect(f.desk.reportToDSHR(today: CivilDate(text: "2026-07-09")!).queued.isEmpty, "not yet")
        let run = f.desk.reportToDSHR(today: CivilDate(text: "2026-07-10")!)
        #expect(run.queued == ["deadline_alert": 1] && run.failures.isEmpty)
        let alert = try #require(try f.entries("alert:deadline:").first)
        #expect(alert.purpose == "alert:deadline:2026-2027" && alert.recipients == [CycleDeskTests.dshr])
        let text = try f.text(of: alert).text
        #expect(text.contains("до 13\u{00A0}июля 2026\u{00A0}г."), "\(text)")
        #expect(text.contains("отправлено – 2, ожидают отправки – 1, не доставлено – 1"), "\(text)")
        #expect(text.contains("  - \(announcements[2].recipients[0])") && !text.contains("550 5.1.1"), "the address, not the server's English: \(text)")
        #expect(text.contains("«подтверждаю»") && !text.contains("cpdbot"), "DSHR acts by replying: \(text)")
        // Once: the next days in the window send nothing more.
        for day in ["2026-07-10", "2026-07-11", "2026-07-13"] {
            #expect(f.desk.reportToDSHR(today: CivilDate(text: day)!).queued.isEmpty, "\(day)")
        }
        #expect(try f.entries("alert:").count == 1)
    }
}
