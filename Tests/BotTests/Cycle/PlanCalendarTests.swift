import Foundation
import Documents
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
        }
    }

    @Test func aCorrectedPlanUpdatesTheSameEntries() throws {
        let csv = CycleDeskTests.plan
        let plan = try PlanTableReader().read(DocumentReader.read(bytes: Array(csv.utf8), fileName: "plan.csv")).plan
        let corrected = try PlanTableReader().read(DocumentReader.read(
            bytes: Array(csv.replacingOccurrences(of: "2026-09-30", with: "2026-10-09").utf8), fileName: "plan.csv")).plan
        let person = RosterPerson(email: "a.desk@kazguu.kz", fullName: "Анна Ли", category: .pps, unit: "Law", role: .staff,
                                  leadership: false, language: .ru)
        let calendar = PlanCalendar(templatesDirectory: MailSandbox.repository.appendingPathComponent("templates"), domain: "kazguu.kz")
        let stamp = Date(timeIntervalSince1970: 1_780_000_000)
        let first = try #require(try calendar.file(for: person, plan: plan, slot: "2026-2027", stamp: stamp))
        let second = try #require(try calendar.file(for: person, plan: corrected, slot: "2026-2027.2", stamp: stamp))
        let parsed = try ICalendarParser.parse([first, second])
        let before = try #require(parsed.first?.events.first), after = try #require(parsed.last?.events.first)
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

        func calendar(_ email: String, slot: String) throws -> ICalendarParser.Calendar? {
            let purpose = "announce:\(slot):\(email)"
            guard let part = try Self.calendarParts(try f.store.outbox.raw(messageID: f.desk.mail.messageID(purpose: purpose))).first
            else { return nil }
            return try ICalendarParser.parse([part.1]).first
        }
        let headBefore = try #require(try calendar("head.desk@kazguu.kz", slot: "2026-2027")?.events.first)
        let headAfter = try #require(try calendar("head.desk@kazguu.kz", slot: "2026-2027.2")?.events.first)
        #expect(headAfter.uid == headBefore.uid && headAfter.sequence > headBefore.sequence)
        #expect(headAfter.end == "2026-10-10" && headAfter.status == "CONFIRMED")
        let annaBefore = try #require(try calendar("a.desk@kazguu.kz", slot: "2026-2027")?.events.first)
        let annaAfter = try #require(try calendar("a.desk@kazguu.kz", slot: "2026-2027.2")?.events)
        #expect(annaAfter.count == 1)
        #expect(annaAfter.first?.uid == annaBefore.uid && annaAfter.first?.status == "CANCELLED")
        #expect(try calendar("b.desk@kazguu.kz", slot: "2026-2027.2") == nil, "D-02 is not in the correction: nothing for b.desk")
    }
}
