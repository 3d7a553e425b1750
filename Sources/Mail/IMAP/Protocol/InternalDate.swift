import Foundation

/// The IMAP `INTERNALDATE` (RFC 9051 §9 `date-time`): `"17-Jul-1996 02:44:25 -0700"`, the day
/// possibly padded with a space. It is the moment the server took the message in, which the
/// sender cannot set, unlike the `Date:` header. Pure: text in, instant out.
enum InternalDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// nil for anything that is not a well-formed `date-time`.
    static func parse(_ text: String) -> Date? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count == 3 else { return nil }
        let day = words[0].split(separator: "-", omittingEmptySubsequences: false)
        let time = words[1].split(separator: ":", omittingEmptySubsequences: false)
        let zone = words[2]
        guard day.count == 3, time.count == 3, zone.count == 5,
              let dayOfMonth = Int(day[0]), (1...31).contains(dayOfMonth),
              let monthIndex = months.firstIndex(of: day[1].lowercased()),
              day[2].count == 4, let year = Int(day[2]),
              let hour = Int(time[0]), (0...23).contains(hour),
              let minute = Int(time[1]), (0...59).contains(minute),
              let second = Int(time[2]), (0...60).contains(second),
              let sign = zone.first, sign == "+" || sign == "-",
              let zoneHours = Int(zone.dropFirst().prefix(2)), let zoneMinutes = Int(zone.suffix(2)),
              zoneMinutes < 60
        else { return nil }
        var components = DateComponents()
        components.year = year
        components.month = monthIndex + 1
        components.day = dayOfMonth
        components.hour = hour
        components.minute = minute
        components.second = min(second, 59)
        var calendar = Calendar(identifier: .gregorian)
        guard let utc = TimeZone(secondsFromGMT: 0) else { return nil }
        calendar.timeZone = utc
        guard let local = calendar.date(from: components),
              calendar.component(.day, from: local) == dayOfMonth  // no 31 February
        else { return nil }
        let offset = (zoneHours * 3600 + zoneMinutes * 60) * (sign == "-" ? -1 : 1)
        return local.addingTimeInterval(TimeInterval(-offset))
    }
}
