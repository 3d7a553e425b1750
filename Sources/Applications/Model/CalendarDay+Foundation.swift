public import Foundation

extension CalendarDay {
    /// The calendar day of an instant in a time zone: a message received at 23:30 UTC on
    /// 31 May arrived on 1 June in Astana (UTC+5), and the zone decides which day counts.
    public init?(_ date: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        self.init(year: year, month: month, day: day)
    }
}
