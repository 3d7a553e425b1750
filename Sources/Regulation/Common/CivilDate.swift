import CivilCalendar
/// A calendar date without a time or a time zone: what the Regulation's rules talk about
/// (approval days, completion dates, the end of a work-off period).
///
/// Kept as plain year/month/day so that no rule depends on the machine's time zone; day
/// arithmetic goes through a day number (days since 1970-01-01, proleptic Gregorian).
public struct CivilDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year, e.g. 2026.
    public let year: Int
    /// 1–12.
    public let month: Int
    /// 1–31, valid for the month.
    public let day: Int

    /// Returns nil for dates that do not exist (31 April, 29 February in a common year, …).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CivilDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `dayNumber` days after 1970-01-01 (negative numbers go back).
    public init(dayNumber: Int) {
        (year, month, day) = CivilCalendar.civil(fromDayNumber: dayNumber)
    }

    /// Days since 1970-01-01 (days_from_civil).
    public var dayNumber: Int { CivilCalendar.dayNumber(year: year, month: month, day: day) }

    /// The day of the week.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = ((dayNumber % 7) + 7 + 3) % 7   // 0 = Monday
        return Weekday.allCases[index]
    }

    /// The date `days` later (earlier when negative).
    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: CivilDate) -> Int { other.dayNumber - dayNumber }

    /// The same day of the month `months` months later; where that day does not exist, the
    /// last day of that month (REGULATION.md §8 reading: 2026-08-31 + 6 → 2027-02-28).
    public func adding(months: Int) -> CivilDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index / 12
        let newMonth = index % 12 + 1
        let lastDay = CivilDate.daysIn(month: newMonth, year: newYear)
        // Both components are in range by construction, so this never fails.
        return CivilDate(unchecked: newYear, newMonth, min(day, lastDay))
    }

    /// The same day `years` later; 29 February becomes 28 February in a common year.
    public func adding(years: Int) -> CivilDate { adding(months: 12 * years) }

    /// ISO 8601 `YYYY-MM-DD`.
    public var iso: String { CivilCalendar.iso(year: year, month: month, day: day) }

    /// The ISO form, `yyyy-mm-dd`.
    public var description: String { iso }

    /// Calendar order.
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Gregorian leap-year rule (`CivilCalendar.isLeap`).
    public static func isLeap(_ year: Int) -> Bool { CivilCalendar.isLeap(year) }

    /// The number of days in `month` of `year`.
    public static func daysIn(month: Int, year: Int) -> Int { CivilCalendar.daysIn(month: month, year: year) }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    // Codable as the ISO string, the form every file and JSON output uses.
    /// Reads the ISO string; throws for anything else or an impossible date.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "'\(text)' is not a date in the form YYYY-MM-DD"))
        }
        self = date
    }

    /// Writes the ISO string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

/// A day of the week; raw values are the English abbreviations shown in explanations.
public enum Weekday: String, Sendable, CaseIterable, Codable {
    case monday = "Mon", tuesday = "Tue", wednesday = "Wed", thursday = "Thu"
    case friday = "Fri", saturday = "Sat", sunday = "Sun"

    /// True for Saturday and Sunday.
    public var isWeekend: Bool { self == .saturday || self == .sunday }
}
