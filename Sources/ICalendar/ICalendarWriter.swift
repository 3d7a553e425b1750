public import Foundation

/// Writes an RFC 5545 calendar: CRLF line ends, lines folded at 75 octets without splitting a
/// UTF-8 character, TEXT values escaped (`\\`, `\;`, `\,`, `\n`), and `Asia/Almaty` as the
/// calendar's time zone (Kazakhstan has kept UTC+5 all year since 1 March 2024).
public struct ICalendarWriter: Sendable {
    /// RFC 5546 §1.4. Outlook imports `PUBLISH` only from an .ics file and keeps it as a plain
    /// appointment; changes reach an entry already in Outlook or Google Calendar as `REQUEST`
    /// (same UID, higher SEQUENCE, ORGANIZER and ATTENDEE) and withdrawals as `CANCEL`.
    public enum Method: String, Sendable {
        /// Entries to put into a calendar (the first announcement of a Plan's courses).
        case publish = "PUBLISH"
        /// Entries changed after they were announced: the calendar updates the same UIDs.
        case request = "REQUEST"
        /// Entries withdrawn (a course cancelled or a person taken off it).
        case cancel = "CANCEL"
    }

    /// PRODID: who wrote the calendar (RFC 5545 §3.7.3).
    public var productID: String
    /// The TZID of the VTIMEZONE (RFC 5545 §3.6.5) the calendar carries: UTC+5 all year.
    public var timeZone = "Asia/Almaty"

    /// A writer naming itself `productID`.
    public init(productID: String) {
        self.productID = productID
    }

    /// The calendar as UTF-8 text; `stamp` is `DTSTAMP` (when this version was made).
    public func write(method: Method, events: [ICalendarEvent], stamp: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + productID, "CALSCALE:GREGORIAN", "METHOD:" + method.rawValue,
                     "X-WR-TIMEZONE:" + timeZone,
                     "BEGIN:VTIMEZONE", "TZID:" + timeZone, "BEGIN:STANDARD", "DTSTART:19700101T000000",
                     "TZOFFSETFROM:+0500", "TZOFFSETTO:+0500", "TZNAME:+05", "END:STANDARD", "END:VTIMEZONE"]
        let stampText = Self.utc(stamp)
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:" + Self.escape(event.uid), "SEQUENCE:\(event.sequence)", "DTSTAMP:" + stampText,
                      "DTSTART;VALUE=DATE:" + event.first.value, "DTEND;VALUE=DATE:" + event.last.next.value,
                      "SUMMARY:" + Self.escape(event.summary), "DESCRIPTION:" + Self.escape(event.description)]
            if let location = event.location { lines.append("LOCATION:" + Self.escape(location)) }
            if let organizer = event.organizer { lines.append("ORGANIZER" + Self.parameters(organizer) + ":" + Self.mailto(organizer)) }
            if method != .publish, let attendee = event.attendee {
                // RSVP=FALSE: nobody is asked to accept a course DSHR assigned; a client that
                // answers anyway sends a REPLY, which the bot leaves unanswered.
                lines.append("ATTENDEE" + Self.parameters(attendee) + ";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT"
                    + ";PARTSTAT=NEEDS-ACTION;RSVP=FALSE:" + Self.mailto(attendee))
            }
            let status = method == .cancel ? ICalendarEvent.Status.cancelled : event.status
            lines += ["STATUS:" + status.rawValue, "TRANSP:TRANSPARENT", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined()
    }

    /// `;CN="…"` (RFC 5545 §3.2: a quoted parameter value; RFC 6868 writes `"`, `^` and line
    /// breaks as `^'`, `^^` and `^n`), or nothing without a name.
    static func parameters(_ address: ICalendarAddress) -> String {
        guard let name = address.name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else { return "" }
        var value = ""
        for scalar in name.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
            switch scalar {
            case "^": value += "^^"
            case "\"": value += "^'"
            case "\n", "\r": value += "^n"
            default:
                if scalar.properties.generalCategory == .control { continue }
                value.unicodeScalars.append(scalar)
            }
        }
        return ";CN=\"" + value + "\""
    }

    /// `mailto:` and the address, without anything that could end the line or the value.
    static func mailto(_ address: ICalendarAddress) -> String {
        "mailto:" + String(address.email.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F && $0 != "\"" }
            .map(Character.init))
    }

    /// RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r": out += "\\n"
            default:
                // Other control characters are not allowed in TEXT; a tab stays.
                if scalar.properties.generalCategory == .control && scalar != "\t" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// RFC 5545 §3.1: at most 75 octets per line, continued with CRLF and a space.
    static func fold(_ line: String) -> String {
        var out = ""
        var octets = 0
        for character in line.unicodeScalars {
            let size = String(character).utf8.count
            if octets + size > 75 {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(character)
            octets += size
        }
        return out + "\r\n"
    }

    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}
