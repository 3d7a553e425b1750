import Foundation

/// A day of the calendar, as iCalendar's `DATE` values write it.
public struct ICalendarDay: Sendable, Equatable, Comparable {
    /// The date's parts, month and day 1-based.
    public var year, month, day: Int

    /// A day; the caller passes a valid date.
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

    /// Calendar order.
    public static func < (a: ICalendarDay, b: ICalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// A calendar user (RFC 5545 §3.3.3): an e-mail address as a `mailto:` URI and a name to show.
public struct ICalendarAddress: Sendable, Equatable {
    /// The address without `mailto:`; written as a `mailto:` URI (RFC 5545 §3.3.3).
    public var email: String
    /// The `CN` parameter (RFC 5545 §3.2.2), shown by calendar clients instead of the address; nil omits it.
    public var name: String?

    /// A calendar user; `name` is optional because clients fall back to the address.
    public init(email: String, name: String? = nil) {
        self.email = email
        self.name = name
    }
}

/// One `VEVENT`: an all-day event from `first` to `last` (both included).
public struct ICalendarEvent: Sendable, Equatable {
    /// The event's STATUS (RFC 5545 §3.8.1.11).
    public enum Status: String, Sendable {
        case confirmed = "CONFIRMED", cancelled = "CANCELLED"
    }

    /// Stable for the same person and course, so a corrected Plan updates the entry.
    public var uid: String
    /// Higher in each later version of the same event (RFC 5545 §3.8.7.4).
    public var sequence: Int
    /// The first day (DTSTART;VALUE=DATE).
    public var first: ICalendarDay
    /// The last day; written as DTEND the day after, which is exclusive (RFC 5545 §3.6.1).
    public var last: ICalendarDay
    /// SUMMARY: the title calendars show (RFC 5545 §3.8.1.12).
    public var summary: String
    /// DESCRIPTION: the longer text (RFC 5545 §3.8.1.5).
    public var description: String
    /// LOCATION, when there is one (RFC 5545 §3.8.1.7).
    public var location: String?
    /// Confirmed, or cancelled in a CANCEL message.
    public var status: Status
    /// Who sends the entries (the bot's address). RFC 5546 requires it with every method.
    public var organizer: ICalendarAddress?
    /// The person the entry is for; written with `REQUEST` and `CANCEL` only (RFC 5546 §3.2.1:
    /// a `PUBLISH` has no attendees).
    public var attendee: ICalendarAddress?

    /// An all-day event.
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
