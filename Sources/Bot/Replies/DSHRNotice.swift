import Intake
import MIME

/// What DSHR is told about a message the sender gets no answer to.
enum DSHRNotice: Sendable, Equatable {
    case bounce(failedRecipients: [String], originalMessageID: String?)
    case spoofed(claimedFrom: String?)
    case questionWithoutApplication
    case noSender
    case authorUnclear(AuthorProblem)
    /// A poison message: handling it failed; it was parked in `Rejected`. The kind is worded
    /// for DSHR, the error's own words go on a line for IT.
    case processingFailed(FailureKind, technical: String)

    init(_ reason: ReportReason, summary: MessageSummary) {
        switch reason {
        case .bounce:
            self = .bounce(failedRecipients: summary.bounce?.failedRecipients ?? [],
                           originalMessageID: summary.bounce?.originalMessageId)
        case let .spoofed(claimed): self = .spoofed(claimedFrom: claimed)
        case .questionWithoutApplication: self = .questionWithoutApplication
        case .noSender: self = .noSender
        case let .authorUnclear(problem): self = .authorUnclear(problem)
        }
    }
}
