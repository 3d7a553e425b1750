import Digest
import Foundation
import ICalendar
import Mustache
import Regulation
import Staff
import Store

/// The Plan announcement's calendar (issue 16): one all-day `VEVENT` per course assigned to the
/// person, worded in their language by `templates/calendar/<lang>.{summary,description,location}.mustache`
/// (the values of `PlanContexts.course`). The `UID` depends only on the person and the course,
/// and `SEQUENCE` is the slot's number (0 for a cycle's first Plan, 1 for `.2`, …).
///
/// RFC 5546 and what mail clients do with it decide the method: the first announcement of a
/// person's courses is a `PUBLISH` (entries to add; Outlook imports it only as an .ics file, so
/// it is an attachment). A later Plan of the cycle that changes what was announced sends the
/// person's courses as a `REQUEST` – Outlook and Google Calendar update an entry only from a
/// `REQUEST` with the same UID and a higher SEQUENCE, and show a `PUBLISH` again as a second
/// entry – and the courses it takes away from them as a `CANCEL`, which both clients offer to
/// remove. Both name the bot as `ORGANIZER` and the person as `ATTENDEE`, without asking for a
/// reply.
final class PlanCalendar: @unchecked Sendable {
    /// One .ics file and the `Content-Type` its part needs (`method=` must match `METHOD:`, RFC 6047 §2.4).
    struct File: Equatable {
        var method: ICalendarWriter.Method
        var bytes: [UInt8]
        var mimeType: String { "text/calendar; charset=UTF-8; method=\(method.rawValue)" }
    }

    let directory: URL
    let domain: String
    /// The bot's address: the entries' `ORGANIZER`.
    let organizer: String
    private var templates: [String: MustacheTemplate] = [:]
    private let mutex = NSLock()

    init(templatesDirectory: URL, domain: String, organizer: String) {
        directory = templatesDirectory.appendingPathComponent("calendar", isDirectory: true)
        self.domain = domain
        self.organizer = organizer
    }

    /// The person's calendar files for the announcement of `plan`: a `PUBLISH` of their courses
    /// when nothing was announced to them before in the cycle; otherwise a `REQUEST` of their
    /// courses (updated entries) and a `CANCEL` of `cancelled` (courses announced to them before
    /// that this Plan no longer gives them). Empty when there is nothing to put in a calendar.
    func files(for person: RosterPerson, plan: Plan, slot: String, stamp: Date, announcedBefore: Bool,
               cancelled: [Course] = []) throws -> [File] {
        let sequence = Self.sequence(ofSlot: slot)
        let current = try events(for: person, plan: plan, sequence: sequence)
        let writer = ICalendarWriter(productID: "-//KAZGUU//cpdbot//EN")
        var files: [File] = []
        if !current.isEmpty {
            let method: ICalendarWriter.Method = announcedBefore ? .request : .publish
            files.append(File(method: method, bytes: Array(writer.write(method: method, events: current, stamp: stamp).utf8)))
        }
        if !cancelled.isEmpty {
            var events: [ICalendarEvent] = []
            for course in cancelled {
                var event = try event(for: person, course: course, sequence: sequence)
                event.status = .cancelled
                events.append(event)
            }
            files.append(File(method: .cancel, bytes: Array(writer.write(method: .cancel, events: events, stamp: stamp).utf8)))
        }
        return files
    }

    func events(for person: RosterPerson, plan: Plan, sequence: Int) throws -> [ICalendarEvent] {
        let email = person.email.lowercased()
        var seen: Set<String> = []
        var events: [ICalendarEvent] = []
        for assignment in plan.assignments where assignment.participantEmail == email && seen.insert(assignment.courseID).inserted {
            guard let course = plan.course(id: assignment.courseID) else { continue }
            events.append(try event(for: person, course: course, sequence: sequence))
        }
        return events
    }

    private func event(for person: RosterPerson, course: Course, sequence: Int) throws -> ICalendarEvent {
        let values = PlanContexts.course(course)
        let language = person.language.rawValue
        let location = try render("location", language: language, values)
        return ICalendarEvent(
            uid: uid(email: person.email, courseID: course.id), sequence: sequence,
            first: Self.day(course.startDate), last: Self.day(max(course.startDate, course.endDate)),
            summary: try render("summary", language: language, values),
            description: try render("description", language: language, values),
            location: location.isEmpty ? nil : location,
            organizer: ICalendarAddress(email: organizer), attendee: ICalendarAddress(email: person.email, name: person.fullName))
    }

    /// Stable for a person and a course, and tells nothing about the person to whoever reads it.
    func uid(email: String, courseID: String) -> String {
        let digest = SHA256.hexDigest(Array((courseID + "\u{0}" + email.lowercased()).utf8))
        return "cpd-\(digest.prefix(32))@\(domain)"
    }

    /// `2026-2027` → 0, `2026-2027.2` → 1, `2026-2027.3` → 2.
    static func sequence(ofSlot slot: String) -> Int {
        let parts = slot.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, let number = Int(parts[1]), number >= 1 else { return 0 }
        return number - 1
    }

    static func day(_ date: CivilDate) -> ICalendarDay { ICalendarDay(year: date.year, month: date.month, day: date.day) }

    private func render(_ part: String, language: String, _ values: [String: Any]) throws -> String {
        let url = directory.appendingPathComponent("\(language).\(part).mustache")
        mutex.lock()
        defer { mutex.unlock() }
        if templates[url.path] == nil {
            guard let source = try? String(contentsOf: url, encoding: .utf8) else {
                throw ReplyTemplateError.missingTemplate(path: url.path)
            }
            do {
                templates[url.path] = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + source)
            } catch {
                throw ReplyTemplateError.invalidTemplate(path: url.path, detail: "\(error)")
            }
        }
        return templates[url.path]!.render(values).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
