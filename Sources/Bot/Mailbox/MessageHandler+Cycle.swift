import Foundation
import Intake
import MIME
import Staff
import Store

/// The cycle's part of handling a message: DSHR's `[PLAN]` and `[COMPLETIONS]`, and a reply
/// that confirms a Plan preview (recognised before routing would refuse an untagged message).
extension MessageHandler {
    func cycleDesk() throws -> CycleDesk {
        try CycleDesk(environment: environment, writer: replies)
    }

    /// When `reading` is DSHR confirming a preview: announces the Plan and returns the journal
    /// detail; nil for every other message (routing goes on as usual).
    func confirmPlanIfReply(_ reading: MessageReading, decision: RoutingDecision, roster: Roster) throws -> String? {
        guard let person = decision.person, person.role == .dshr else { return nil }
        switch decision.action {
        case .rejectWithReply, .reportToDSHR(.questionWithoutApplication): break
        default: return nil
        }
        // Cheap test first: no In-Reply-To/References, no confirmation (and no rules to load).
        guard !(reading.message.inReplyTo + reading.message.references).isEmpty else { return nil }
        let desk = try cycleDesk()
        guard let plan = try desk.plan.confirmedPlan(by: reading, sender: person) else { return nil }
        let hash = reading.summary.messageId ?? UUID().uuidString
        let summary = try desk.plan.confirm(plan, by: person, reading: reading, hash: hash, roster: roster)
        return "Plan \(plan.slot) confirmed by \(person.email): \(summary.queued) announcement(s) queued "
            + "(\(summary.retried) of them failed before), \(summary.alreadyQueued) queued before"
    }
}
