public import Foundation

extension CivilCalendar {
    /// What a clock in `zone` shows at `instant`: the day (days since 1970-01-01) and the second
    /// of that day, with the offset the zone's rules give at that instant (Asia/Almaty: UTC+6
    /// until 29 February 2024, UTC+5 since). The one way every module finds "which day on the
    /// university's clock" (`CalendarDay(_:in:)`, `CivilDate(_:in:)`, `LocalTime`).
    public static func clock(_ instant: Date, in zone: TimeZone) -> (dayNumber: Int, secondOfDay: Int) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: instant)
        let secondOfDay = ((seconds % 86_400) + 86_400) % 86_400
        return ((seconds - secondOfDay) / 86_400, secondOfDay)
    }
}
