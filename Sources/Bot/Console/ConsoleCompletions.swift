import Foundation
public import Regulation
import Store

/// What the console's completions page shows besides the certificates: the §8 work-off
/// obligations and the §7.14 reimbursements, worked out from the training ledger and the
/// stored Plans by the same `CompletionEvaluator` the `[COMPLETIONS]` command uses.
public struct CompletionFacts: Sendable {
    /// §8.1: a completed paid course that the participant must work off (only courses with months).
    public struct Obligation: Sendable, Equatable {
        /// The participant's address, as the roster and the ledger key it.
        public var email: String
        /// The Plan's course ID.
        public var courseID: String
        /// The course's title from the Plan; empty when the Plan no longer lists it.
        public var courseTitle: String
        /// The Plan's cost in tenge, which chose the band of months.
        public var costKZT: Int
        /// The months to work off, from the policy's cost bands.
        public var months: Int
        /// The completion date: the period starts here.
        public var start: CivilDate
        /// The day the work-off period ends.
        public var end: CivilDate
    }
    /// §7.14: a participant expelled without a valid reason, who repays the course's cost.
    public struct Reimbursement: Sendable, Equatable {
        /// The participant's address, as the roster and the ledger key it.
        public var email: String
        /// The Plan's course ID.
        public var courseID: String
        /// The course's title from the Plan; empty when the Plan no longer lists it.
        public var courseTitle: String
        /// The amount to repay in tenge (always above 0; free courses are left out).
        public var amountKZT: Int
    }
    /// The work-off obligations, in the ledger's key order (course, then address).
    public var obligations: [Obligation] = []
    /// The reimbursements owed, in the ledger's key order.
    public var reimbursements: [Reimbursement] = []

    /// Facts as given; both empty when the ledger has no results yet.
    public init(obligations: [Obligation] = [], reimbursements: [Reimbursement] = []) {
        self.obligations = obligations
        self.reimbursements = reimbursements
    }
}

extension CycleDesk {
    /// The ledger keeps each result's status and each certificate's completion date, not a
    /// cost the completions row may have named instead of the Plan's: the Plan's cost is used.
    public func completionFacts() throws -> CompletionFacts {
        let ledger = try TrainingLedger.load(from: environment.store)
        guard !ledger.history.isEmpty || !ledger.results.isEmpty else { return CompletionFacts() }
        let plan = try plans.merged()
        let completed = Dictionary(ledger.history.map { ($0.courseID + "\u{0}" + $0.participantEmail, $0.completionDate) },
                                   uniquingKeysWith: { first, _ in first })
        var records: [CompletionRecord] = []
        for (key, status) in ledger.results.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: "\u{0}", maxSplits: 1).map(String.init)
            guard parts.count == 2, let status = CompletionStatus(rawValue: status) else { continue }
            // A failure's date does not change what is owed; a completion's starts the period.
            let date = completed[key] ?? plan.course(id: parts[0])?.endDate ?? CivilDate(environment.now(), in: environment.timeZone)
            records.append(CompletionRecord(row: records.count + 2, courseID: parts[0], participantEmail: parts[1],
                                            status: status, completionDate: date))
        }
        var facts = CompletionFacts()
        for result in CompletionEvaluator(plan: plan, policy: rules.policy).evaluate(records).results {
            let title = plan.course(id: result.record.courseID)?.title ?? ""
            switch result.outcome {
            case .certificate(let obligation):
                guard let months = obligation.months, let end = obligation.end else { continue }
                facts.obligations.append(.init(email: result.record.participantEmail, courseID: result.record.courseID,
                                               courseTitle: title, costKZT: obligation.costKZT, months: months,
                                               start: obligation.start, end: end))
            case .expulsionReimburse(let amount):
                guard amount > 0 else { continue }
                facts.reimbursements.append(.init(email: result.record.participantEmail, courseID: result.record.courseID,
                                                  courseTitle: title, amountKZT: amount))
            case .readmission:
                continue
            }
        }
        return facts
    }
}
