import Foundation
import Testing
@testable import ICalendar

@Suite struct ICalendarWriterTests {
    let stamp = Date(timeIntervalSince1970: 1_780_000_000)

    func event(summary: String = "Курс", description: String = "d") -> ICalendarEvent {
        ICalendarEvent(uid: "cpd-1@kazguu.kz", sequence: 2, first: ICalendarDay(year: 2026, month: 12, day: 30),
                       last: ICalendarDay(year: 2026, month: 12, day: 31), summary: summary, description: description)
    }

    @Test func textValuesAreEscaped() {
        #expect(ICalendarWriter.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
        #expect(ICalendarWriter.escape("x\r\ny\u{7}") == "x\\ny")
    }

    @Test func linesAreFoldedAt75OctetsWithoutSplittingACharacter() {
        let long = String(repeating: "Әң", count: 60)
        let text = ICalendarWriter(productID: "-//t//EN").write(method: .publish, events: [event(summary: long)], stamp: stamp)
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        for line in text.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75, "\(line.utf8.count) octets")
        }
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:" + long + "\r\n"))
    }

    @Test func anAllDayEventEndsTheDayAfterItsLastDay() {
        let text = ICalendarWriter(productID: "-//t//EN").write(method: .publish, events: [event()], stamp: stamp)
        #expect(text.contains("DTSTART;VALUE=DATE:20261230\r\n"))
        #expect(text.contains("DTEND;VALUE=DATE:20270101\r\n"))
        #expect(text.contains("SEQUENCE:2\r\n") && text.contains("METHOD:PUBLISH\r\n"))
        #expect(text.contains("TZID:Asia/Almaty\r\n"))
        #expect(text.contains("DTSTAMP:20260528T202640Z\r\n"))
    }

    func addressed(_ base: ICalendarEvent) -> ICalendarEvent {
        var event = base
        event.organizer = ICalendarAddress(email: "hr-intake@kazguu.kz")
        event.attendee = ICalendarAddress(email: "a.seitkali@kazguu.kz", name: "Әсел \"Ақ\" Сейтқали")
        return event
    }

    /// RFC 5546 §3.2.1: a PUBLISH names its organizer and no attendee.
    @Test func aPublishHasAnOrganizerAndNoAttendee() {
        let text = ICalendarWriter(productID: "-//t//EN").write(method: .publish, events: [addressed(event())], stamp: stamp)
        #expect(text.contains("ORGANIZER:mailto:hr-intake@kazguu.kz\r\n"))
        #expect(!text.contains("ATTENDEE"))
    }

    /// RFC 5546 §3.2.2: a REQUEST names the attendee; the name is a quoted parameter with RFC 6868's ^' for a quote.
    @Test func aRequestNamesTheAttendeeWithoutAskingForAnAnswer() {
        let text = ICalendarWriter(productID: "-//t//EN").write(method: .request, events: [addressed(event())], stamp: stamp)
            .replacingOccurrences(of: "\r\n ", with: "")
        #expect(text.contains("METHOD:REQUEST\r\n"))
        #expect(text.contains("ATTENDEE;CN=\"Әсел ^'Ақ^' Сейтқали\";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:a.seitkali@kazguu.kz\r\n"))
        #expect(text.contains("STATUS:CONFIRMED\r\n"))
    }

    /// RFC 5546 §3.2.5: every entry of a CANCEL is cancelled, whatever it said before.
    @Test func aCancelCancelsEveryEntry() {
        let text = ICalendarWriter(productID: "-//t//EN").write(method: .cancel, events: [addressed(event())], stamp: stamp)
        #expect(text.contains("METHOD:CANCEL\r\n") && text.contains("STATUS:CANCELLED\r\n") && !text.contains("CONFIRMED"))
        #expect(text.contains("ORGANIZER:mailto:hr-intake@kazguu.kz\r\n") && text.contains("ATTENDEE;"))
    }
}
