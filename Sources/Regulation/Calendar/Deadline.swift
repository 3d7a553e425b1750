/// §7.7: DSHR acquaints the staff with the Plan within N working days after its approval.
/// Reading (samples/cycle/README.md): the deadline is the N-th working day after the approval
/// date; the approval day itself never counts, whether or not it is a working day.
public struct DeadlineResult: Sendable, Equatable {
    /// The day the Plan was approved (not counted).
    public var approvalDate: CivilDate
    /// How many working days were counted.
    public var workingDays: Int
    /// The last of those working days.
    public var deadline: CivilDate
    /// Monday-to-Friday days between the two dates that are not worked (holidays, carry-overs, transfers).
    public var weekdaysOffSkipped: [DayStatus]
    /// Weekend days the ministry made working days, counted towards N.
    public var weekendWorkingDaysCounted: [DayStatus]
}

extension HolidayCalendar {
    /// Largest N accepted: far beyond any policy, small enough that a typo cannot loop for years.
    public static let maximumWorkingDays = 366

    /// The working day that ends `workingDays` working days after `approval` (1 to `maximumWorkingDays`).
    public func deadline(approvedOn approval: CivilDate, workingDays: Int) throws(RegulationError) -> DeadlineResult {
        guard workingDays >= 1 else {
            throw .invalidArgument("the number of working days must be at least 1, not \(workingDays)")
        }
        guard workingDays <= HolidayCalendar.maximumWorkingDays else {
            throw .limitExceeded(what: "the number of working days", actual: workingDays,
                                 maximum: HolidayCalendar.maximumWorkingDays)
        }
        var counted = 0
        var day = approval
        var skipped: [DayStatus] = []
        var weekendWorking: [DayStatus] = []
        while counted < workingDays {
            day = day.adding(days: 1)
            let status = try status(of: day)
            if status.isWorkingDay {
                counted += 1
                if day.weekday.isWeekend { weekendWorking.append(status) }
            } else if !day.weekday.isWeekend {
                skipped.append(status)
            }
        }
        return DeadlineResult(approvalDate: approval, workingDays: workingDays, deadline: day,
                              weekdaysOffSkipped: skipped, weekendWorkingDaysCounted: weekendWorking)
    }
}
