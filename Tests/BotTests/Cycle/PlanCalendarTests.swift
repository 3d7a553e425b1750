import Foundation
import Documents
import ICalendar
import MIME
import Regulation
import Staff
import Store
import Testing
@testable import Bot

/// Issue 16: the Plan announcement carries each person's courses as calendar entries, which a
/// standard parser reads, and a corrected Plan updates the same entries.
@Suite struct PlanCalendarTests {
    static func calendarParts(_ raw: Data) throws -> [(String, [UInt8])] {
        try MessageParser().parse([UInt8](raw)).fileParts.filter { $0.contentType.mimeType == "text/calendar" }
            .map { ($0.contentType.parameters["method"] ?? "", try $0.decodedBody().bytes) }
    }

    @Test(arguments: try SampleCycleTests.expected().plans.map(\.email))
    func eachPersonsCalendarHoldsExactlyTheirCourses(_ email: String) throws {
        let expected = try #require(try SampleCycleTests.expected().plans.first { $0.email == email })
        let (desk, store, roster) = try SampleCycleTests.desk()
        let sender = try #require(roster.person(address: expected.from))
        _ = try desk.plan.receive(from: sender, reading: SampleCycleTests.reading(email), hash: "p", roster: roster)
        let stored = try #require(try desk.plans.plans(cycle: expected.cycle).first)
        let plan = try desk.plans.reading(of: stored).plan
        _ = try PlanAnnouncer(environment: desk.environment, mail: desk.mail, plans: desk.plans).announce(stored, roster: roster)

        var files: [[UInt8]] = []
        var wanted: [[String: String]] = []
        for person in roster.people {
            let purpose = "announce:\(stored.announcementKey):\(person.email.lowercased())"
            let parts = try Self.calendarParts(try store.outbox.raw(messageID: desk.mail.messageID(purpose: purpose)))
            let mine = Set(plan.assignments.filter { $0.participantEmail == person.email.lowercased() }.map(\.courseID))
            guard !mine.isEmpty else {
                #expect(parts.isEmpty, "\(person.email) has no course and gets no calendar")
                continue
            }
            try #require(parts.count == 1, "\(person.email): one calendar")
            #expect(parts[0].0 == "PUBLISH")
            files.append(parts[0].1)
            wanted.append(Dictionary(uniqueKeysWithValues: mine.compactMap { id in
                plan.course(id: id).map { (id, $0.startDate.iso) }
            }))
        }
        #expect(!files.isEmpty)
        let calendars = try ICalendarParser.parse(files)
        #expect(calendars.count == files.count)
        for (calendar, courses) in zip(calendars, wanted) {
            #expect(calendar.method == "PUBLISH")
            #expect(calendar.events.count == courses.count)
            // Each course once, on its first day, named in the description.
            for (id, start) in courses {
                let matching = calendar.events.filter { $0.description.contains(id) }
                #expect(matching.count == 1, "course \(id)")
                #expect(matching.first?.start == start)
            }
            #expect(Set(calendar.events.map(\.uid)).count == calendar.events.count)
            #expect(calendar.events.allSatisfy { $0.organizer == "mailto:bot@kazguu.kz" && $0.attendee == nil },
                    "RFC 5546 §3.2.1: a PUBLISH has an organizer and no attendee")
        }
    }

    @Test func aCorrectedPlanUpdatesTheSameEntries() throws {
        let csv = CycleDeskTests.plan
        let plan = try PlanTableReader().read(DocumentReader.read(bytes: Array(csv.utf8), fileName: "plan.csv")).plan
        let corrected = try PlanTableReader().read(DocumentReader.read(
            bytes: Array(csv.replacingOccurrences(of: "2026-09-30", with: "2026-10-09").utf8), fileName: "plan.csv")).plan
        let person = RosterPerson(email: "a.desk@kazguu.kz", fullName: "Анна Ли", category: .pps, unit: "Law", role: .staff,
                                  leadership: false, language: .ru)
        let calendar = PlanCalendar(templatesDirectory: MailSandbox.repository.appendingPathComponent("templates"), domain: "kazguu.kz",
                                    organizer: "hr-intake@kazguu.kz")
        let stamp = Date(timeIntervalSince1970: 1_780_000_000)
        let first = try #require(try calendar.files(for: person, plan: plan, slot: "2026-2027", stamp: stamp, announcedBefore: false).first)
        let second = try #require(try calendar.files(for: person, plan: corrected, slot: "2026-2027.2", stamp: stamp, announcedBefore: true).first)
        #expect(first.method == .publish && second.method == .request)
        #expect(second.mimeType == "text/calendar; charset=UTF-8; method=REQUEST")
        let parsed = try ICalendarParser.parse([first.bytes, second.bytes])
        #expect(parsed.map(\.method) == ["PUBLISH", "REQUEST"])
        let before = try #require(parsed.first?.events.first), after = try #require(parsed.last?.events.first)
        #expect(after.organizer == "mailto:hr-intake@kazguu.kz" && after.attendee == "mailto:a.desk@kazguu.kz")
        #expect(before.uid == after.uid)
        #expect(after.sequence > before.sequence)
        #expect(before.end == "2026-10-01" && after.end == "2026-10-10", "DTEND is the day after the last day")
        #expect(before.summary.contains("Research methods") && before.description.contains("36"))
    }

    /// After the Plan is announced, DSHR sends a corrected D-01 (new end date, a.desk taken off):
    /// head.desk's entry is updated, a.desk's is cancelled – same UIDs, a higher SEQUENCE.
    @Test func aCorrectionAfterTheAnnouncementUpdatesAndCancels() throws {
        let f = try CycleDeskTests.Fixture()
        let dshr = try #require(f.roster.person(address: CycleDeskTests.dshr))
        let tests = CycleDeskTests()
        _ = try f.desk.plan.receive(from: dshr, reading: f.read(tests.planMessage(id: "p1@x")), hash: "h1", roster: f.roster)
        #expect(try f.desk.announce(cycle: "2026-2027").count == 1)
        let corrected = CycleDeskTests.plan.split(separator: "\r\n", omittingEmptySubsequences: false)
            .filter { !$0.hasSuffix("a.desk@kazguu.kz") && !$0.contains("D-02") }.joined(separator: "\r\n")
            .replacingOccurrences(of: "2026-09-30", with: "2026-10-09")
        let result = try f.desk.plan.receive(from: dshr, reading: f.read(tests.planMessage(id: "p2@x", csv: corrected)), hash: "h2", roster: f.roster)
        #expect(result == .previewed(slot: "2026-2027.2", problems: 0))
        #expect(try f.desk.announce(cycle: "2026-2027").count == 1)

        func calendars(_ email: String, slot: String) throws -> [(part: String, calendar: ICalendarParser.Calendar)] {
            let purpose = "announce:\(slot):\(email)"
            let parts = try Self.calendarParts(try f.store.outbox.raw(messageID: f.desk.mail.messageID(purpose: purpose)))
            return try zip(parts.map(\.0), ICalendarParser.parse(parts.map(\.1))).map { ($0, $1) }
        }
        let headBefore = try calendars("head.desk@kazguu.kz", slot: "2026-2027")
        #expect(headBefore.map(\.part) == ["PUBLISH"])
        let headAfter = try calendars("head.desk@kazguu.kz", slot: "2026-2027.2")
        // A change after the announcement is a REQUEST: the part's method and the calendar's agree (RFC 6047 §2.4).
        #expect(headAfter.map(\.part) == ["REQUEST"] && headAfter.map(\.calendar.method) == ["REQUEST"])
        let before = try #require(headBefore.first?.calendar.events.first), after = try #require(headAfter.first?.calendar.events.first)
        #expect(after.uid == before.uid && after.sequence > before.sequence)
        #expect(after.end == "2026-10-10" && after.status == "CONFIRMED")
        #expect(after.organizer == "mailto:bot@kazguu.kz" && after.attendee == "mailto:head.desk@kazguu.kz")
        let annaBefore = try #require(try calendars("a.desk@kazguu.kz", slot: "2026-2027").first?.calendar.events.first)
        let annaAfter = try calendars("a.desk@kazguu.kz", slot: "2026-2027.2")
        // Taken off the course: a CANCEL of the same entry, and nothing else.
        #expect(annaAfter.map(\.part) == ["CANCEL"] && annaAfter.map(\.calendar.method) == ["CANCEL"])
        let cancelled = try #require(annaAfter.first?.calendar.events)
        #expect(cancelled.count == 1)
        #expect(cancelled.first?.uid == annaBefore.uid && cancelled.first?.status == "CANCELLED")
        #expect((cancelled.first?.sequence ?? 0) > annaBefore.sequence)
        #expect(cancelled.first?.attendee == "mailto:a.desk@kazguu.kz")
        #expect(try calendars("b.desk@kazguu.kz", slot: "2026-2027.2").isEmpty, "D-02 is not in the correction: nothing for b.desk")
    }
}
