import Testing
import Documents
@testable import Regulation

/// samples/cycle: the CSV supplement Plan against the roster, compared with expected.json
/// (problems as a multiset, plus the figures and the §7.7 deadline of the preview).
@Suite struct PlanCheckSampleTests {
    @Test func supplementPlanCSV() throws {
        let expected = try #require(try Fixtures.expected().plans.first { $0.file.hasSuffix(".csv") })
        let reading = try PlanTableReader().read(CycleCase.csvTable(expected.file))
        #expect(reading.issues.isEmpty)
        let plan = reading.plan
        #expect(plan.courses.count == expected.courses)
        #expect(plan.participants.count == expected.participants)
        #expect(plan.assignments.count == expected.assignments)

        let problems = PlanChecker(durations: try Fixtures.policy().durations).check(plan, roster: try CycleCase.roster())
        let found = problems.map { CycleExpected.Problem(course_id: $0.courseID, participant_email: $0.participantEmail,
                                                         kind: $0.kind.rawValue) }
        #expect(found.sorted(by: Self.order) == expected.problems.sorted(by: Self.order))

        let deadline = try Fixtures.holidays().deadline(approvedOn: Fixtures.date(expected.approval_date), workingDays: 5)
        #expect(deadline.deadline.iso == expected.deadline)
    }

    /// The Kazakh §5.3 names in the CSV are read as the canonical groups.
    @Test func kazakhGroupNamesAreRead() throws {
        let plan = try PlanTableReader().read(CycleCase.csvTable("plans/zhospar_2026-2027_tolyqtyru.csv")).plan
        #expect(plan.course(id: "S26-01")?.group == .teachingAndUpbringing)
    }

    @Test func withoutARosterOnlyCourseProblemsAreReported() throws {
        let plan = try PlanTableReader().read(CycleCase.csvTable("plans/zhospar_2026-2027_tolyqtyru.csv")).plan
        #expect(PlanChecker().check(plan, roster: nil).allSatisfy { $0.kind.isCourseLevel })
    }

    static func order(_ a: CycleExpected.Problem, _ b: CycleExpected.Problem) -> Bool {
        (a.course_id, a.participant_email ?? "", a.kind) < (b.course_id, b.participant_email ?? "", b.kind)
    }
}
