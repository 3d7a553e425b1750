import CivilCalendar
public import Foundation

/// Formats dates as RFC 5322 §3.3 wants them ("Tue, 12 May 2026 09:41:17 +0500"), in a fixed
/// offset the caller chooses: no locale, no time-zone database.
public enum RFC5322DateFormat {
    private static let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Tue, 12 May 2026 09:30:00 +0500` (RFC 5322 §3.3) for `date` at the given offset.
    public static func string(_ date: Date, utcOffsetSeconds: Int) -> String {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + utcOffsetSeconds
        let dayNumber = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let seconds = local - dayNumber * 86_400
        let (y, m, d) = CivilCalendar.civil(fromDayNumber: dayNumber)
        let weekday = days[((dayNumber % 7) + 7) % 7]
        let sign = utcOffsetSeconds < 0 ? "-" : "+"
        let offsetMinutes = abs(utcOffsetSeconds) / 60
        return String(format: "%@, %d %@ %04d %02d:%02d:%02d %@%02d%02d", weekday, d, months[m - 1], y,
                      seconds / 3600, seconds % 3600 / 60, seconds % 60, sign, offsetMinutes / 60, offsetMinutes % 60)
    }
}
