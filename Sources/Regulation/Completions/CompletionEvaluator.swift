/// Applies a completions list to its Plan: defaults, outcomes, §7.14 and §8 (pure).
public struct CompletionEvaluator: Sendable {
    /// The Plan the completions report on.
    public var plan: Plan
    /// §8 bands and rounding.
    public var workOff: WorkOffCalculator

    /// An evaluator for `plan` under `policy`.
    public init(plan: Plan, policy: Policy = .init()) {
        self.plan = plan
        self.workOff = WorkOffCalculator(policy: policy.workOff)
    }

    /// Every row that belongs to the Plan gets a result; rows naming a course that is not in
    /// the Plan, or a person not assigned to that course, and repeated rows get an issue instead
    /// (nothing is issued for them until DSHR fixes the Plan or the list).
    public func evaluate(_ records: [CompletionRecord]) -> (results: [CompletionResult], issues: [RowIssue]) {
        var results: [CompletionResult] = []
        var issues: [RowIssue] = []
        var seen: [String: Int] = [:]
        let assigned = Set(plan.assignments.map { $0.courseID + "\u{0}" + $0.participantEmail })
        let courses = Dictionary(plan.courses.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for record in records {
            guard let course = courses[record.courseID] else {
                issues.append(RowIssue(row: record.row, column: "course_id", value: record.courseID, kind: .unknownCourse,
                                       message: "course \(record.courseID) is not in the Plan"))
                continue
            }
            let key = record.courseID + "\u{0}" + record.participantEmail
            guard assigned.contains(key) else {
                issues.append(RowIssue(row: record.row, column: "participant_email", value: record.participantEmail,
                                       kind: .notAssigned,
                                       message: "\(record.participantEmail) is not a participant of \(record.courseID) in the Plan",
                                       courseID: record.courseID))
                continue
            }
            if let first = seen[key] {
                issues.append(RowIssue(row: record.row, column: nil, value: nil, kind: .duplicate,
                                       message: "a second result for \(record.participantEmail) in \(record.courseID); row \(first) counts",
                                       courseID: record.courseID))
                continue
            }
            seen[key] = record.row
            let hours = record.hours ?? course.hours
            let cost = record.costKZT ?? course.costKZT
            let outcome: CompletionOutcome
            switch record.status {
            case .completed:
                // Cost is validated ≥ 0 when read, so this cannot fail; a zero obligation is the fallback.
                let obligation = (try? workOff.obligation(costKZT: cost, start: record.completionDate))
                    ?? WorkOffObligation(costKZT: cost, start: record.completionDate, months: nil, end: nil)
                outcome = .certificate(obligation: obligation)
            case .failed: outcome = .expulsionReimburse(amountKZT: cost)
            case .withdrewValidReason: outcome = .readmission
            }
            results.append(CompletionResult(record: record, hours: hours, costKZT: cost, outcome: outcome))
        }
        return (results, issues)
    }
}
