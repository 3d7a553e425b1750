import CivilCalendar
public import Foundation

extension CalendarDay {
    /// The calendar day of an instant in a time zone: a message received at 23:30 UTC on
    /// 31 May arrived on 1 June in Astana (UTC+5), and the zone decides which day counts
    /// (`CivilCalendar.clock`, the one way the modules read the university's clock).
    public init(_ date: Date, in timeZone: TimeZone) {
        let (year, month, day) = CivilCalendar.civil(fromDayNumber: CivilCalendar.clock(date, in: timeZone).dayNumber)
        // Every instant a clock can show is a real day; 1970-01-01 only stands in for a year
        // outside 1…9999, which no received mail has.
        self = CalendarDay(year: year, month: month, day: day) ?? CalendarDay(year: 1970, month: 1, day: 1)!
    }
}
