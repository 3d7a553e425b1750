import Foundation
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
