import CivilCalendar
public import Foundation

/// A Date header value: the instant and the sender's UTC offset as written.
public struct MessageDate: Sendable, Equatable {
    /// The instant.
    public let date: Date
    /// The zone the sender wrote (RFC 5322 §3.3 `zone`), in seconds east of UTC.
    public let utcOffsetSeconds: Int

    /// A date with its writer's offset.
    public init(date: Date, utcOffsetSeconds: Int) {
        self.date = date
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// ISO 8601 in the sender's offset, e.g. "2026-05-12T09:41:17+05:00".
    public var iso8601: String {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + utcOffsetSeconds
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secs = local - days * 86_400
        let (y, m, d) = CivilCalendar.civil(fromDayNumber: days)
        let sign = utcOffsetSeconds < 0 ? "-" : "+"
        let off = abs(utcOffsetSeconds) / 60
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d%@%02d:%02d", y, m, d, secs / 3600, secs % 3600 / 60, secs % 60, sign, off / 60, off % 60)
    }
}
