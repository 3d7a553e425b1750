import CivilCalendar

/// A day of the Gregorian calendar, without time or zone: what a date cell means.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, e.g. 2026.
    public let year: Int
    /// 1–12.
    public let month: Int
    /// 1–31, valid for the month.
    public let day: Int

    /// Nil unless the day exists (31.02 does not; 29.02 only in leap years).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDay.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `yyyy-mm-dd`.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `yyyy-mm-dd` (ISO 8601).
    public var iso: String {
        // Written digit by digit: every date cell of every row is turned into this text, and
        // the general formatter (`CivilCalendar.iso`, the same text) built five strings for it.
        // The year is 1…9999 (see init), so always four digits.
        String(unsafeUninitializedCapacity: 10) { buffer in
            func digit(_ value: Int) -> UInt8 { UInt8(ascii: "0") + UInt8(value % 10) }
            buffer[0] = digit(year / 1000)
            buffer[1] = digit(year / 100)
            buffer[2] = digit(year / 10)
            buffer[3] = digit(year)
            buffer[4] = UInt8(ascii: "-")
            buffer[5] = digit(month / 10)
            buffer[6] = digit(month)
            buffer[7] = UInt8(ascii: "-")
            buffer[8] = digit(day / 10)
            buffer[9] = digit(day)
            return 10
        }
    }

    /// The ISO form.
    public var description: String { iso }

    /// Calendar order.
    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func isLeap(_ year: Int) -> Bool { CivilCalendar.isLeap(year) }

    static func daysIn(month: Int, year: Int) -> Int { CivilCalendar.daysIn(month: month, year: year) }

    /// The day `days` after 1970-01-01 (civil-from-days, H. Hinnant's algorithm).
    init?(daysSinceUnixEpoch days: Int) {
        let civil = CivilCalendar.civil(fromDayNumber: days)
        self.init(year: civil.year, month: civil.month, day: civil.day)
    }
}
