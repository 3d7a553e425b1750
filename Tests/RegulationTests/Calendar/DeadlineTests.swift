import Foundation
import Testing
@testable import Regulation

/// §7.7: the Plan is announced within five working days after approval; the oracle's
/// 30 cases cover transfers, Nauryz, May, Kurban Ait, 31 Aug 2026 and the turn of the year.
@Suite struct DeadlineTests {
    static let cases = (try? Fixtures.expected().deadlines) ?? []

    @Test func theOracleIsLoaded() { #expect(DeadlineTests.cases.count == 30) }

    @Test(arguments: DeadlineTests.cases)
    func fifthWorkingDayAfterApproval(_ expected: CycleExpected.Deadline) throws {
        let calendar = try Fixtures.holidays()
        let approval = Fixtures.date(expected.approval_date)
        let result = try calendar.deadline(approvedOn: approval, workingDays: 5)

        #expect(result.deadline.iso == expected.deadline)
        #expect(result.deadline.weekday.rawValue == expected.deadline_weekday)
        #expect(approval.weekday.rawValue == expected.weekday)
        #expect(try calendar.isWorkingDay(approval) == expected.approval_day_is_working_day)
        // The oracle marks carry-overs of the unpublished 2027 calendar with ", computed".
        let expectedSkipped = expected.weekdays_off_skipped.map { $0.replacingOccurrences(of: ", computed", with: "") }
        #expect(result.weekdaysOffSkipped.map(\.description) == expectedSkipped)
        #expect(result.weekendWorkingDaysCounted.map(\.description) == (expected.weekend_working_days_counted ?? []))
    }

    @Test(arguments: [
        // (approval, working days, deadline): the N option of `calendar deadline`.
        ("2026-07-03", 1, "2026-07-07"),     // Mon 6 Jul is Capital Day
        ("2026-07-03", 10, "2026-07-20"),
        ("2025-01-03", 1, "2025-01-05"),     // Sun 5 Jan 2025 was a working day
        ("2026-08-28", 1, "2026-08-31"),     // Mon 31 Aug 2026 is worked (30 Aug dropped in 2026)
        ("2025-08-29", 1, "2025-09-02"),     // … but Mon 1 Sep 2025 carried Sat 30 Aug over
    ])
    func otherNumbersOfWorkingDays(approved: String, days: Int, deadline: String) throws {
        let result = try Fixtures.holidays().deadline(approvedOn: Fixtures.date(approved), workingDays: days)
        #expect(result.deadline.iso == deadline)
    }

    @Test(arguments: [0, -5])
    func fewerThanOneWorkingDayIsRefused(_ days: Int) throws {
        let calendar = try Fixtures.holidays()
        #expect(throws: RegulationError.self) {
            try calendar.deadline(approvedOn: Fixtures.date("2026-07-03"), workingDays: days)
        }
    }

    @Test func aHugeNumberOfWorkingDaysIsALimitError() throws {
        let calendar = try Fixtures.holidays()
        #expect(throws: RegulationError.limitExceeded(what: "the number of working days", actual: 100_000, maximum: 366)) {
            try calendar.deadline(approvedOn: Fixtures.date("2026-07-03"), workingDays: 100_000)
        }
    }

    @Test func aDeadlineReachingAnUnlistedYearSaysWhichYear() throws {
        let calendar = try Fixtures.holidays()
        #expect(throws: RegulationError.calendarYearMissing(year: 2028, file: "config/holidays-kz.yml")) {
            try calendar.deadline(approvedOn: Fixtures.date("2027-12-28"), workingDays: 5)
        }
        #expect(throws: RegulationError.calendarYearMissing(year: 2024, file: "config/holidays-kz.yml")) {
            try calendar.deadline(approvedOn: Fixtures.date("2024-12-30"), workingDays: 5)
        }
    }
}
