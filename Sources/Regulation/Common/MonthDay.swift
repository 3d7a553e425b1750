/// A day of the year without the year (`MM-DD`): fixed holidays, the 1 June and 1 August deadlines.
public struct MonthDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 1–12.
    public let month: Int
    /// 1–31 (29 February included).
    public let day: Int

    /// Nil for a day no year has, e.g. 31 April.
    public init?(month: Int, day: Int) {
        // 29 February is allowed here; `date(in:)` answers nil in common years.
        guard (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: 2000)).contains(day) else {
            return nil
        }
        self.month = month
        self.day = day
    }

    /// `MM-DD`, e.g. `06-01`.
    public init?(_ text: String) {
        let parts = text.trimmingWhitespace().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let m = Int.asciiDigits(parts[0]), let d = Int.asciiDigits(parts[1]) else { return nil }
        self.init(month: m, day: d)
    }

    /// The date in `year`; nil for 29 February of a common year.
    public func date(in year: Int) -> CivilDate? { CivilDate(year: year, month: month, day: day) }

    /// `MM-DD`.
    public var description: String {
        (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
    }

    /// Calendar order within a year.
    public static func < (lhs: MonthDay, rhs: MonthDay) -> Bool { (lhs.month, lhs.day) < (rhs.month, rhs.day) }
}
