import Testing
import Documents
@testable import Regulation

/// Completions: defaults from the Plan, §7.14 / §7.15 / §7.16 outcomes and the §8 period.
@Suite struct CompletionEvaluatorTests {
    static let plan = Plan(courses: [
        Course(id: "P-1", title: "t", group: .leadership, audience: .abp, kind: .management, location: .domestic,
               term: .medium, hours: 40, startDate: Fixtures.date("2026-10-01"), endDate: Fixtures.date("2026-10-30"),
               language: .ru, delivery: .offline, costKZT: 120_000),
        Course(id: "P-2", title: "t", group: .professionalValues, audience: .pps, kind: .language, location: .domestic,
               term: .short, hours: 8, startDate: Fixtures.date("2026-11-02"), endDate: Fixtures.date("2026-11-30"),
               language: .en, delivery: .online, costKZT: 0),
    ], assignments: [
        Assignment(courseID: "P-1", participantEmail: "a@kazguu.kz", row: 2),
        Assignment(courseID: "P-1", participantEmail: "b@kazguu.kz", row: 3),
        Assignment(courseID: "P-1", participantEmail: "c@kazguu.kz", row: 4),
        Assignment(courseID: "P-2", participantEmail: "a@kazguu.kz", row: 5),
        Assignment(courseID: "P-2", participantEmail: "d@kazguu.kz", row: 6),
    ])

    static let csv = """
        course_id,participant_email,status,completion_date,hours,cost_kzt\r
        P-1,A@kazguu.kz,completed,2026-10-30,,\r
        P-1,b@kazguu.kz,completed,30.10.2026,36,59000\r
        P-1,c@kazguu.kz,failed,2026-10-20,,\r
        P-2,a@kazguu.kz,withdrew_valid_reason,2026-11-10,,\r
        P-2,d@kazguu.kz,failed,2026-11-30,,\r
        P-9,d@kazguu.kz,completed,2026-11-30,,\r
        P-1,d@kazguu.kz,completed,2026-11-30,,\r
        P-1,a@kazguu.kz,completed,2026-10-31,,\r
        P-2,d@kazguu.kz,finished,2026-11-30,,\r

        """

    @Test func outcomes() throws {
        let (records, readIssues) = try CompletionsTableReader().read(TinyCSV.table(Self.csv))
        #expect(readIssues.map(\.row) == [10])
        #expect(readIssues.map(\.column) == ["status"])
        let (results, issues) = CompletionEvaluator(plan: Self.plan).evaluate(records)
        #expect(issues.map(\.kind) == [.unknownCourse, .notAssigned, .duplicate])
        #expect(issues.map(\.row) == [7, 8, 9])

        let summary = results.map { r -> String in
            var line = "\(r.record.row) \(r.hours)h \(r.costKZT) \(r.outcome.key)"
            switch r.outcome {
            case .certificate(let obligation): line += " \(obligation.months.map(String.init) ?? "-") \(obligation.end?.iso ?? "-")"
            case .expulsionReimburse(let amount): line += " \(amount)"
            case .readmission: break
            }
            return line
        }
        #expect(summary == [
            "2 40h 120000 certificate 12 2027-10-30",     // the Plan's hours and cost
            "3 36h 59000 certificate 3 2027-01-30",       // a cost given overrides the Plan's: 3 months
            "4 40h 120000 expulsion_reimburse 120000",    // §7.14: the whole effective cost
            "5 8h 0 readmission",                         // §7.15
            "6 8h 0 expulsion_reimburse 0",               // a free course costs nothing to leave
        ])
    }

    @Test func aListWithoutHoursAndCostColumnsUsesThePlan() throws {
        let table = TinyCSV.table("course_id,participant_email,status,completion_date\nP-1,a@kazguu.kz,completed,2026-10-30\n")
        let (records, issues) = try CompletionsTableReader().read(table)
        #expect(issues.isEmpty)
        #expect(CompletionEvaluator(plan: Self.plan).evaluate(records).results.map(\.costKZT) == [120_000])
    }

    @Test func aListWithoutAStatusColumnIsRefused() {
        let table = TinyCSV.table("course_id,participant_email,completion_date\nP-1,a@kazguu.kz,2026-10-30\n")
        #expect(throws: RegulationError.headerNotFound(table: "test.csv", missing: ["status"])) {
            try CompletionsTableReader().read(table)
        }
    }
}
