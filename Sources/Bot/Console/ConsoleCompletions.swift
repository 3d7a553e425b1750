import Foundation
import Regulation
import Store

/// What the console's completions page shows besides the certificates: the §8 work-off
/// obligations and the §7.14 reimbursements, worked out from the training ledger and the
/// stored Plans by the same `CompletionEvaluator` the `[COMPLETIONS]` command uses.
public struct CompletionFacts: Sendable {
    public struct Obligation: Sendable, Equatable {
        public var email: String
        public var courseID: String
        public var courseTitle: String
        public var costKZT: Int
        public var months: Int
        public var start: CivilDate
        public var end: CivilDate
    }
    public struct Reimbursement: Sendable, Equatable {
        public var email: String
        public var courseID: String
        public var courseTitle: String
        public var amountKZT: Int
    }
    public var obligations: [Obligation] = []
    public var reimbursements: [Reimbursement] = []

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
