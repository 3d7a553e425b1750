import Foundation
import Testing
import Documents
@testable import Regulation

/// The whole cycle corpus through the Documents readers (xlsx with date cells, xlsx with ISO
/// text dates, UTF-8 CSV): every Plan record and every completions row of expected.json.
@Suite struct CycleDocumentsTests {
    static let expected = try? Fixtures.expected()

    static func document(_ relativePath: String) throws -> Document {
        let url = Fixtures.cycle.appendingPathComponent(relativePath)
        return try DocumentReader.read(bytes: Fixtures.bytes(url), fileName: url.lastPathComponent)
    }

    static func plan(_ relativePath: String) throws -> PlanReading {
        try PlanTableReader().read(document(relativePath))
    }

    @Test(arguments: expected?.plans ?? [])
    func planPreview(_ expected: CycleExpected.PlanRecord) throws {
        let reading = try Self.plan(expected.file)
        #expect(reading.issues == [])
        #expect(reading.plan.courses.count == expected.courses)
        #expect(reading.plan.participants.count == expected.participants)
        #expect(reading.plan.assignments.count == expected.assignments)
        let problems = PlanChecker(durations: try Fixtures.policy().durations).check(reading.plan, roster: try CycleCase.roster())
        let found = problems.map { CycleExpected.Problem(course_id: $0.courseID, participant_email: $0.participantEmail,
                                                         kind: $0.kind.rawValue) }
        #expect(found.sorted(by: PlanCheckSampleTests.order) == expected.problems.sorted(by: PlanCheckSampleTests.order))
        let deadline = try Fixtures.holidays().deadline(approvedOn: Fixtures.date(expected.approval_date), workingDays: 5)
        #expect(deadline.deadline.iso == expected.deadline)
    }

    @Test(arguments: expected?.completions ?? [])
    func completions(_ expected: CycleExpected.CompletionsRecord) throws {
        let plan = try Self.plan(expected.plan).plan
        let (records, readIssues) = try CompletionsTableReader().read(Self.document(expected.file))
        #expect(readIssues == [])
        let (results, issues) = CompletionEvaluator(plan: plan, policy: try Fixtures.policy()).evaluate(records)
        #expect(issues == [])
        try #require(results.count == expected.rows.count)
        for (result, row) in zip(results, expected.rows) {
            #expect(result.record.row == row.row)
            #expect(result.record.courseID == row.course_id)
            #expect(result.record.participantEmail == row.participant_email)
            #expect(result.record.status.rawValue == row.status)
            #expect(result.record.completionDate.iso == row.completion_date)
            #expect(result.hours == row.hours, "row \(row.row)")
            #expect(result.costKZT == row.cost_kzt, "row \(row.row)")
            #expect(result.outcome.key == row.outcome, "row \(row.row)")
            switch result.outcome {
            case .certificate(let obligation):
                #expect(obligation.months == row.obligation_months, "row \(row.row)")
                #expect(obligation.end?.iso == row.obligation_end, "row \(row.row)")
                #expect(row.reimburse_kzt == nil)
            case .expulsionReimburse(let amount):
                #expect(amount == row.reimburse_kzt, "row \(row.row)")
                #expect(row.obligation_months == nil)
            case .readmission:
                #expect(row.reimburse_kzt == nil && row.obligation_months == nil)
            }
        }
    }

    @Test func bothCompletionsFilesAreCovered() {
        #expect(Self.expected?.completions.count == 2)
        #expect(Self.expected?.plans.count == 3)
    }
}
