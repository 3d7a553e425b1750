import CivilCalendar
public import Foundation

extension CivilDate {
    /// The calendar day `instant` falls on in `zone` (the university's: `bot.time_zone`).
    public init(_ instant: Date, in zone: TimeZone) {
        self = LocalTime(instant, in: zone).day
    }
}

/// A moment as a clock in a time zone shows it: the day, the hour and the minute. The zone's
/// own rules give the offset (Asia/Almaty: UTC+6 until 29 February 2024, UTC+5 since).
public struct LocalTime: Sendable, Equatable {
    /// The calendar day on the zone's clock.
    public let day: CivilDate
    /// The hour on the zone's clock, 0…23.
    public let hour: Int
    /// The minute, 0…59 (seconds are dropped, not rounded).
    public let minute: Int

    /// Reads `instant` on `zone`'s clock, using the offset the zone had at that instant.
    public init(_ instant: Date, in zone: TimeZone) {
        let (dayNumber, secondOfDay) = CivilCalendar.clock(instant, in: zone)
        day = CivilDate(dayNumber: dayNumber)
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
    }

    /// `25.11.2026 14:05`, as people in Kazakhstan write a moment.
    public var dotted: String {
        let iso = day.iso.split(separator: "-")
        let date = iso.count == 3 ? "\(iso[2]).\(iso[1]).\(iso[0])" : day.iso
        return date + " " + (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    /// The first moment of the day `instant` falls on in `zone` (midnight, where the zone has one).
    public static func startOfDay(_ instant: Date, in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.startOfDay(for: instant)
    }
}
