/// Kazakhstan's working-day calendar (5-day week) for the years the configuration lists.
///
/// A working day is Monday to Friday unless it is a public holiday, a carried-over holiday or
/// a transferred day off; a weekend day the ministry made a working day is a working day.
/// A year that is not listed is an error, never a guess: the ministry's transfers and Kurban
/// Ait cannot be derived.
public struct HolidayCalendar: Sendable {
    /// Holidays on the same date every year.
    public let holidays: [FixedHoliday]
    /// Each known year's Kurban Ait and transfers, by year.
    public let years: [Int: HolidayYear]
    /// The name `DayStatus` gives Kurban Ait's first day.
    public let kurbanAitName: String
    /// Where the data came from (named in errors), e.g. "config/holidays-kz.yml".
    public let source: String

    /// Every non-weekend-rule day (holidays, carry-overs, transfers), computed once.
    private let exceptions: [CivilDate: DayStatus.Reason]

    /// A calendar from the holiday data; `source` names it in errors.
    public init(holidays: [FixedHoliday], years: [HolidayYear],
                kurbanAitName: String = "Kurban Ait, day 1", source: String = "the holiday calendar") {
        self.holidays = holidays
        self.kurbanAitName = kurbanAitName
        self.source = source
        var byYear: [Int: HolidayYear] = [:]
        for entry in years { byYear[entry.year] = entry }
        self.years = byYear
        var exceptions: [CivilDate: DayStatus.Reason] = [:]
        for entry in years.sorted(by: { $0.year < $1.year }) {
            HolidayCalendar.addExceptions(of: entry, holidays: holidays,
                                          kurbanAitName: kurbanAitName, into: &exceptions)
        }
        self.exceptions = exceptions
    }

    /// Whether `date` is worked and why; throws for a year the data does not cover or an unannounced Kurban Ait.
    public func status(of date: CivilDate) throws(RegulationError) -> DayStatus {
        guard let entry = years[date.year] else {
            throw .calendarYearMissing(year: date.year, file: source)
        }
        if let reason = exceptions[date] { return DayStatus(date: date, reason: reason) }
        if entry.kurbanAit == nil, let possible = entry.kurbanAitPossible, possible.contains(date) {
            throw .kurbanAitNotAnnounced(year: date.year, date: date, file: source)
        }
        return DayStatus(date: date, reason: date.weekday.isWeekend ? .weekend : .workingDay)
    }

    /// Whether `date` is worked; throws like `status(of:)`.
    public func isWorkingDay(_ date: CivilDate) throws(RegulationError) -> Bool {
        try status(of: date).isWorkingDay
    }

    /// Working days in a whole year (published: 246 in 2025, 247 in 2026).
    public func workingDayCount(in year: Int) throws(RegulationError) -> Int {
        guard let first = CivilDate(year: year, month: 1, day: 1) else {
            throw .invalidArgument("\(year) is not a year the calendar can hold")
        }
        var count = 0
        var day = first
        while day.year == year {
            if try isWorkingDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }

    /// Marks one year's days off. Carry-overs are placed after every fixed day off of the year
    /// is known, in date order, so a moved holiday skips the whole holiday block
    /// (Nauryz 2026: Sat 21 → Tue 24, Sun 22 → Wed 25, because Mon 23 is Nauryz itself).
    private static func addExceptions(of entry: HolidayYear, holidays: [FixedHoliday], kurbanAitName: String,
                                      into exceptions: inout [CivilDate: DayStatus.Reason]) {
        var movable: [(date: CivilDate, name: String)] = []
        for holiday in holidays where holiday.applies(in: entry.year) {
            // 29 February never names a holiday here; a MonthDay that does not exist is skipped.
            guard let date = holiday.date.date(in: entry.year) else { continue }
            if holiday.movesOffWeekend {
                exceptions[date] = .holiday(name: holiday.name)
                if date.weekday.isWeekend { movable.append((date, holiday.name)) }
            } else {
                exceptions[date] = .dayOffNotMoved(name: holiday.name)
            }
        }
        if let kurbanAit = entry.kurbanAit { exceptions[kurbanAit] = .kurbanAit(name: kurbanAitName) }
        for day in entry.transferredDaysOff { exceptions[day.date] = .transferredDayOff(note: day.note) }
        for day in entry.transferredWorkingDays { exceptions[day.date] = .transferredWorkingDay(note: day.note) }

        for (date, name) in movable.sorted(by: { $0.date < $1.date }) {
            var target = date.adding(days: 1)
            // The next weekday that is not already a day off of any kind.
            while target.weekday.isWeekend || exceptions[target] != nil {
                target = target.adding(days: 1)
            }
            exceptions[target] = .carryOver(of: name, from: date)
        }
    }
}
