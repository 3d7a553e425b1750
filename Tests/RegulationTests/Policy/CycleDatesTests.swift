import Testing
@testable import Regulation

/// §7.4, §7.5, §7.7 dates and the reminders before them.
@Suite struct CycleDatesTests {
    @Test func applicationAndPlanReminders() {
        let policy = CyclePolicy()
        let applications = policy.applicationReminders(in: 2027)
        #expect(applications.deadline?.iso == "2027-06-01")
        #expect(applications.reminders.map(\.iso) == ["2027-05-18", "2027-05-25", "2027-05-31"])
        #expect(policy.planReminders(in: 2026).reminders.map(\.iso) == ["2026-07-25", "2026-07-31"])
        #expect(CyclePolicy.cycleName(startingIn: 2027) == "2027-2028")
    }

    @Test(arguments: [
        // (approval, reminder offsets in working days, deadline, reminders)
        ("2026-07-03", [2], "2026-07-13", ["2026-07-09"]),          // Mon 6 Jul is not worked
        ("2026-07-03", [0, 1, 4], "2026-07-13", ["2026-07-07", "2026-07-10", "2026-07-13"]),
        ("2026-07-03", [5, 9], "2026-07-13", []),                   // on or before approval: never
    ])
    func announcementReminders(approved: String, offsets: [Int], deadline: String, reminders: [String]) throws {
        var policy = CyclePolicy()
        policy.announcementRemindersWorkingDaysBefore = offsets
        let result = try policy.announcementReminders(approvedOn: Fixtures.date(approved), calendar: Fixtures.holidays())
        #expect(result.deadline.iso == deadline)
        #expect(result.reminders.map(\.iso) == reminders)
    }
}
