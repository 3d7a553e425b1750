public import CivilCalendar
public import Foundation
public import Regulation

/// Which cycle an application belongs to (DESIGN.md, "Application records"): the academic year
/// the Plan is for, named by the year of its 1 June deadline (`2026-2027` for applications due
/// 1 June 2026). Between the deadline and the Plan deadline (1 August) an application still
/// counts for that cycle but is `late`; after the Plan deadline it counts for the next one.
public struct ApplicationCycle: Sendable, Equatable {
    /// `2026-2027`: the academic year the Plan is for.
    public var name: String
    /// Received after the application deadline but before the Plan deadline.
    public var late: Bool

    /// A cycle by name.
    public init(name: String, late: Bool) {
        self.name = name
        self.late = late
    }

    /// The deadlines that decide the cycle.
    public struct Calendar: Sendable {
        /// The application deadline (§7.4), as month and day.
        public var applicationDeadline = (month: 6, day: 1)
        /// The Plan deadline, after which an application counts for the next cycle.
        public var planDeadline = (month: 8, day: 1)
        /// The university's (`bot.time_zone`): the day a message arrived on decides its cycle.
        public var timeZone: TimeZone

        /// The regulation's dates, 1 June and 1 August, on the university's clock.
        public init(timeZone: TimeZone = UniversityTimeZone.default) {
            self.timeZone = timeZone
        }
    }

    /// The application deadline of this cycle (1 June of the cycle's first year, §7.4).
    public var deadline: CivilDate? {
        Int(name.prefix(4)).flatMap { CivilDate(year: $0, month: 6, day: 1) }
    }

    /// The cycle an application received at `date` belongs to, and whether it is late.
    public static func of(receivedAt date: Date, calendar: Calendar = Calendar()) -> ApplicationCycle {
        var gregorian = Foundation.Calendar(identifier: .gregorian)
        gregorian.timeZone = calendar.timeZone
        let parts = gregorian.dateComponents([.year, .month, .day], from: date)
        let year = parts.year ?? 1970
        let monthDay = ((parts.month ?? 1), (parts.day ?? 1))
        let afterDeadline = monthDay > calendar.applicationDeadline
        let afterPlanDeadline = monthDay > calendar.planDeadline
        let deadlineYear = afterPlanDeadline ? year + 1 : year
        return ApplicationCycle(name: "\(deadlineYear)-\(deadlineYear + 1)", late: afterDeadline && !afterPlanDeadline)
    }
}
