import Foundation

/// A day of the calendar, as iCalendar's `DATE` values write it.
public struct ICalendarDay: Sendable, Equatable, Comparable {
    public var year, month, day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `20260901`.
    var value: String { String(format: "%04d%02d%02d", year, month, day) }

    /// The day after (an all-day event's `DTEND` is the day after its last day).
    var next: ICalendarDay {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(from: DateComponents(year: year, month: month, day: day))!
        let after = calendar.dateComponents([.year, .month, .day], from: calendar.date(byAdding: .day, value: 1, to: date)!)
        return ICalendarDay(year: after.year!, month: after.month!, day: after.day!)
    }

    public static func < (a: ICalendarDay, b: ICalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// A calendar user (RFC 5545 §3.3.3): an e-mail address as a `mailto:` URI and a name to show.
public struct ICalendarAddress: Sendable, Equatable {
    public var email: String
    public var name: String?

    public init(email: String, name: String? = nil) {
        self.email = email
        self.name = name
    }
}

/// One `VEVENT`: an all-day event from `first` to `last` (both included).
public struct ICalendarEvent: Sendable, Equatable {
    public enum Status: String, Sendable {
        case confirmed = "CONFIRMED", cancelled = "CANCELLED"
    }

    /// Stable for the same person and course, so a corrected Plan updates the entry.
    public var uid: String
    /// Higher in each later version of the same event (RFC 5545 §3.8.7.4).
    public var sequence: Int
    public var first: ICalendarDay
    public var last: ICalendarDay
    public var summary: String
    public var description: String
    public var location: String?
    public var status: Status
    /// Who sends the entries (the bot's address). RFC 5546 requires it with every method.
    public var organizer: ICalendarAddress?
    /// The person the entry is for; written with `REQUEST` and `CANCEL` only (RFC 5546 §3.2.1:
    /// a `PUBLISH` has no attendees).
    public var attendee: ICalendarAddress?

    public init(uid: String, sequence: Int, first: ICalendarDay, last: ICalendarDay, summary: String,
                description: String, location: String? = nil, status: Status = .confirmed,
                organizer: ICalendarAddress? = nil, attendee: ICalendarAddress? = nil) {
        self.uid = uid
        self.sequence = sequence
        self.first = first
        self.last = last
        self.summary = summary
        self.description = description
        self.location = location
        self.status = status
        self.organizer = organizer
        self.attendee = attendee
    }
}
