public import Foundation

/// The zone the university lives in when `bot.time_zone` is not set: one definition for the
/// configuration's default and for the pure modules' defaults (Intake), so they cannot differ.
public enum UniversityTimeZone {
    /// The IANA name: Kazakhstan has one zone, UTC+5, since 1 March 2024 (tzdata 2024a).
    public static let defaultName = "Asia/Almaty"

    /// Asia/Almaty from the system's time zone data. Only if that had no Asia/Almaty at all:
    /// a fixed UTC+5, which is what Asia/Almaty is since 1 March 2024 (no daylight saving).
    public static let `default`: TimeZone = TimeZone(identifier: defaultName)
        ?? TimeZone(secondsFromGMT: offsetSince2024)!
    private static let offsetSince2024 = 5 * 60 * 60
}
