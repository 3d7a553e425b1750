import Testing
@testable import Regulation

/// Recording a completions list: numbers given once, history added with each new certificate,
/// the same list again deciding nothing new.
@Suite struct TrainingLedgerTests {
    static func results(_ csv: String) throws -> [CompletionResult] {
        let (records, _) = try CompletionsTableReader().read(TinyCSV.table(csv))
        return CompletionEvaluator(plan: CompletionEvaluatorTests.plan).evaluate(records).results
    }

    static let format = try! CertificateNumberFormat(Policy().certificates.numberFormat)

    @Test func aListIsRecordedOnce() throws {
        let results = try Self.results(CompletionEvaluatorTests.csv)
        var ledger = TrainingLedger()
        let first = ledger.record(results, plan: CompletionEvaluatorTests.plan, format: Self.format)
        #expect((first.certificatesNew, first.certificatesBefore, first.expulsions, first.readmissions) == (2, 0, 2, 1))
        #expect(first.entries.map(\.result.record.row) == [2, 3, 4, 5, 6])
        #expect(first.entries.map { $0.certificateNumber != nil } == [true, true, false, false, false])
        #expect(Set(first.entries.compactMap(\.certificateNumber)).count == 2)
        #expect(ledger.history.map(\.participantEmail) == ["a@kazguu.kz", "b@kazguu.kz"])
        #expect(ledger.history.map(\.hours) == [40, 36])
        #expect(ledger.history.allSatisfy { $0.group == .leadership && $0.kind == .management })
        #expect(ledger.results.count == 5)

        // The same list again: the same numbers, no new certificate, no second history entry.
        let before = ledger
        let again = ledger.record(results, plan: CompletionEvaluatorTests.plan, format: Self.format)
        #expect((again.certificatesNew, again.certificatesBefore) == (0, 2))
        #expect(again.entries.map(\.certificateNumber) == first.entries.map(\.certificateNumber))
        #expect(ledger == before)
    }

    @Test func aResultForACourseOutsideThePlanIsLeftOut() throws {
        var result = try #require(try Self.results("course_id,participant_email,status,completion_date\nP-1,a@kazguu.kz,completed,2026-10-30\n").first)
        result.record.courseID = "P-9"
        var ledger = TrainingLedger()
        let recorded = ledger.record([result], plan: CompletionEvaluatorTests.plan, format: Self.format)
        #expect(recorded == TrainingLedger.Recorded())
        #expect(ledger == TrainingLedger())
    }
}
