public import Foundation
import Staff
import Store

extension CycleDesk {
    /// The console's "Confirm and announce": what DSHR's confirming reply and `cpdbot plan
    /// announce` do – the Plan in `slot` is confirmed (naming who) and `PlanAnnouncer` queues each
    /// person's announcement under its own purpose, so a second click queues nothing.
    public func confirmAndAnnounce(slot: String, cycle: String, by email: String) throws -> AnnouncementSummary {
        guard var plan = try plans.plans(cycle: cycle).first(where: { $0.slot == slot }) else {
            throw CycleError.noPlan(cycle: cycle)
        }
        if plan.state == .previewed {
            plan.state = .confirmed
            plan.confirmedBy = email
            plan.confirmedAt = environment.now()
            try plans.save(plan)
        }
        let roster = try environment.store.roster.load()
        return try PlanAnnouncer(environment: environment, mail: mail, plans: plans).announce(plan, roster: roster)
    }
}

/// An announcement the mail server refused for good, as the Plan page lists it.
public struct FailedAnnouncement: Sendable, Equatable {
    /// Whom it was for.
    public var address: String
    /// The server's answer (or the bot's reason), as the outbox keeps it.
    public var reason: String
    /// When it failed for good.
    public var failedAt: Date
    /// The address is still on the roster: confirming again (Retry) sends it once more. A person
    /// who left, or whose address was corrected, gets nothing at the old address.
    public var canRetry: Bool
}

extension CycleDesk {
    /// The announcements of the Plan in `slot` that failed for good, oldest first: what the
    /// console's Retry (`confirmAndAnnounce` again, like DSHR's second "confirm") sends once more.
    public func failedAnnouncements(slot: String) throws -> [FailedAnnouncement] {
        let roster = try environment.store.roster.load()
        return DeadlineAlert.announcements(try environment.store.outbox.all(), slot: slot).compactMap { entry in
            guard case let .failedPermanent(_, reason) = entry.state else { return nil }
            let onRoster = entry.recipients.allSatisfy { roster.person(address: $0) != nil }
            return FailedAnnouncement(address: entry.recipients.joined(separator: ", "), reason: reason,
                                      failedAt: entry.updatedAt, canRetry: onRoster)
        }
    }
}
