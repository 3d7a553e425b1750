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
/// so the announcement of a later Plan slot that changes a course updates the same entry, and
/// a person that later Plan takes off a course gets the entry back as `STATUS:CANCELLED`;
/// `SEQUENCE` is the slot's number (0 for a cycle's first Plan, 1 for `.2`, …).
final class PlanCalendar: @unchecked Sendable {
    static let mimeType = "text/calendar; charset=UTF-8; method=PUBLISH"
    let directory: URL
    let domain: String
    private var templates: [String: MustacheTemplate] = [:]
    private let mutex = NSLock()

    init(templatesDirectory: URL, domain: String) {
        directory = templatesDirectory.appendingPathComponent("calendar", isDirectory: true)
        self.domain = domain
    }

    /// The person's courses of `plan` as an iCalendar file, and `cancelled` (courses announced to
    /// them before that this Plan no longer gives them) as cancelled entries; nil when there is neither.
    func file(for person: RosterPerson, plan: Plan, slot: String, stamp: Date, cancelled: [Course] = []) throws -> [UInt8]? {
        let sequence = Self.sequence(ofSlot: slot)
        var events = try events(for: person, plan: plan, sequence: sequence)
        for course in cancelled {
            var event = try event(for: person, course: course, sequence: sequence)
            event.status = .cancelled
            events.append(event)
        }
        guard !events.isEmpty else { return nil }
        let text = ICalendarWriter(productID: "-//KAZGUU//cpdbot//EN").write(method: .publish, events: events, stamp: stamp)
        return Array(text.utf8)
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
            location: location.isEmpty ? nil : location)
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
