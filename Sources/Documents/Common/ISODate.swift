import CivilCalendar
/// `yyyy-mm-dd` (optionally followed by a time) as stored by ODF `office:date-value` and
/// strict OOXML `t="d"` cells.
enum ISODate {
    static func parse(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let datePart = text.prefix { $0 != "T" && $0 != " " }
        let parts = datePart.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day), year > 0 else { return nil }
        // Round-trip through the day count to refuse 31.02 and the like.
        let civil = CivilCalendar.civil(fromDayNumber: CivilCalendar.dayNumber(year: year, month: month, day: day))
        guard civil.year == year, civil.month == month, civil.day == day else { return nil }
        return civil
    }
}
