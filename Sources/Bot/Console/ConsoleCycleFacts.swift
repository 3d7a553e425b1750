public import CivilCalendar
import Intake
public import Foundation
public import Regulation
import Store

/// The cycle as the bot counts it, for the console's overview: the same rules the intake and
/// `plan status` use, so the page cannot disagree with the mail or the CLI.
public struct ConsoleCycleFacts: Sendable {
    /// The academic year whose applications arrive now (`2026-2027`), as the intake names it.
    public var cycle: String
    /// §7.4: applications by 1 June of the cycle's first year.
    public var applicationDeadline: CivilDate
    /// The Plan by 1 August.
    public var planDeadline: CivilDate
    /// Today on the university's clock (`bot.time_zone`).
    public var today: CivilDate

    /// The facts as they stand at `now`.
    public init(now: Date, timeZone: TimeZone = UniversityTimeZone.default) {
        // The deadlines come from the same calendar that decides the cycle, not a second copy.
        let calendar = ApplicationCycle.Calendar(timeZone: timeZone)
        let current = ApplicationCycle.of(receivedAt: now, calendar: calendar)
        cycle = current.name
        let year = Int(current.name.prefix(4)) ?? 1970
        today = CivilDate(now, in: timeZone)
        applicationDeadline = CivilDate(year: year, month: calendar.applicationDeadline.month,
                                        day: calendar.applicationDeadline.day) ?? today
        planDeadline = CivilDate(year: year, month: calendar.planDeadline.month, day: calendar.planDeadline.day) ?? today
    }
}

extension CycleDesk {
    /// Working days after `today` up to and including `deadline` (0 when it has passed), by
    /// the same calendar as the §7.7 deadline itself.
    public func workingDaysLeft(from today: CivilDate, to deadline: CivilDate) throws -> Int {
        guard deadline > today else { return 0 }
        var count = 0
        var day = today.adding(days: 1)
        // A deadline is weeks away at most; the bound stops a bad date.
        for _ in 0..<400 where day <= deadline {
            if try rules.calendar.isWorkingDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }

    /// `plan status`'s figures, or nil when the cycle has no Plan yet.
    public func statusIfAny(cycle: String) throws -> PlanStatus? {
        guard try !plans.plans(cycle: cycle).isEmpty else { return nil }
        return try status(cycle: cycle)
    }
}
