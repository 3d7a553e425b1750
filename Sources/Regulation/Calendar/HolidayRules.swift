/// Kazakhstan's public holidays as the law states them, and the data that changes per year.
/// Read from `config/holidays-kz.yml` (see `HolidayCalendar+YAML.swift`).

/// A holiday on the same date every year.
public struct FixedHoliday: Sendable, Equatable {
    /// The holiday's name as shown to people.
    public var name: String
    /// Its month and day.
    public var date: MonthDay
    /// When it falls on a Saturday or Sunday, the next working day is off instead. False for
    /// 7 January (Labour Code: Orthodox Christmas is a day off that is never carried over).
    public var movesOffWeekend: Bool
    /// First and last year the holiday exists (30 Aug until 2025, 15 Mar from 2027).
    public var firstYear: Int?
    /// See `firstYear`.
    public var lastYear: Int?

    /// A fixed holiday; without years it exists every year.
    public init(name: String, date: MonthDay, movesOffWeekend: Bool = true,
                firstYear: Int? = nil, lastYear: Int? = nil) {
        self.name = name
        self.date = date
        self.movesOffWeekend = movesOffWeekend
        self.firstYear = firstYear
        self.lastYear = lastYear
    }

    /// True when the holiday exists in `year`.
    public func applies(in year: Int) -> Bool {
        (firstYear.map { year >= $0 } ?? true) && (lastYear.map { year <= $0 } ?? true)
    }
}

/// A day the labour ministry's yearly order moves: a weekday made a day off, or a weekend
/// day made a working day.
public struct TransferredDay: Sendable, Equatable {
    /// The day concerned.
    public var date: CivilDate
    /// Shown to people, e.g. "transferred day off (from Sun 5 Jan 2025)".
    public var note: String

    /// A transfer on `date` explained by `note`.
    public init(date: CivilDate, note: String) {
        self.date = date
        self.note = note
    }
}

/// What changes from year to year: Kurban Ait (lunar calendar) and the ministry's transfers.
public struct HolidayYear: Sendable, Equatable {
    /// The calendar year this describes.
    public var year: Int
    /// The first day of Kurban Ait: a day off, never carried over. Nil while not announced.
    public var kurbanAit: CivilDate?
    /// While `kurbanAit` is nil: the dates it may fall on. Asking about them is an error.
    public var kurbanAitPossible: ClosedRange<CivilDate>?
    /// Weekdays made days off by the government's transfer decree.
    public var transferredDaysOff: [TransferredDay]
    /// Weekend days made working days by the same decree.
    public var transferredWorkingDays: [TransferredDay]

    /// A year's data; `kurbanAit` nil while not announced.
    public init(year: Int, kurbanAit: CivilDate?, kurbanAitPossible: ClosedRange<CivilDate>? = nil,
                transferredDaysOff: [TransferredDay] = [], transferredWorkingDays: [TransferredDay] = []) {
        self.year = year
        self.kurbanAit = kurbanAit
        self.kurbanAitPossible = kurbanAitPossible
        self.transferredDaysOff = transferredDaysOff
        self.transferredWorkingDays = transferredWorkingDays
    }
}
