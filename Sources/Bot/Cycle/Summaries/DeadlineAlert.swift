import Config
import Foundation
import MIME
import Regulation
import Store

/// Issue 6, item 3: DSHR is alerted once (purpose `alert:deadline:<slot>`) when a confirmed
/// Plan's §7.7 announcement will be late: one working day before the deadline (or later, up to
/// the deadline itself) some announcements are still pending or have failed, or none were queued.
struct DeadlineAlert {
    static let purposePrefix = "alert:deadline:"

    let desk: CycleDesk
    var limits = DSHRReportLimits()

    /// The Plans due for an alert on `today` (pure): confirmed or announced, inside the window,
    /// with announcements not all sent. `counts` are the outbox's, by slot.
    static func due(today: CivilDate, plans: [StoredPlan], counts: [String: PlanStatus.Counts],
                    calendar: HolidayCalendar) throws(RegulationError) -> [StoredPlan] {
        var due: [StoredPlan] = []
        for plan in plans where plan.state != .previewed {
            guard try alertDay(before: plan.deadline, calendar: calendar) <= today, today <= plan.deadline else { continue }
            let count = counts[plan.slot] ?? PlanStatus.Counts()
            // Confirmed but never queued is the worst case: nobody has been told.
            if plan.state == .confirmed || count.pending > 0 || count.failed > 0 { due.append(plan) }
        }
        return due
    }

    /// The working day before `deadline` (pure).
    static func alertDay(before deadline: CivilDate, calendar: HolidayCalendar) throws(RegulationError) -> CivilDate {
        var day = deadline.adding(days: -1)
        // Kazakhstan's longest run of days off is well under a month; the bound stops a bad calendar.
        for _ in 0..<31 {
            if try calendar.isWorkingDay(day) { return day }
            day = day.adding(days: -1)
        }
        throw .invalidArgument("no working day in the month before \(deadline.iso)")
    }

    func send(today: CivilDate) throws -> [DSHRReportOutcome] {
        let environment = desk.environment
        let plans = try desk.plans.all()
        let open = plans.filter { $0.state != .previewed && $0.deadline >= today }
        guard !open.isEmpty else { return [] }
        let entries = try environment.store.outbox.all()
        var counts: [String: PlanStatus.Counts] = [:]
        for plan in open { counts[plan.slot] = Self.counts(entries, slot: plan.slot) }
        let dshr = environment.configuration.bot.dshr
        guard !dshr.isEmpty else { return [] }
        return try Self.due(today: today, plans: open, counts: counts, calendar: desk.rules.calendar).map { plan in
            let failed = Self.failed(entries, slot: plan.slot)
            let values = DeadlineAlertContexts.values(plan: plan, counts: counts[plan.slot] ?? .init(), failed: failed,
                                                      today: today, listed: limits.alertListed)
            let queued = try desk.mail.send(ReplyWriter.Request(
                template: "deadline_alert", language: environment.configuration.bot.language.rawValue,
                context: { _ in values }, to: dshr.map { Mailbox(displayName: nil, address: $0) },
                purpose: Self.purposePrefix + plan.slot,
                // In the preview's thread: a reply "растаймын" to the alert confirms like a reply to the preview.
                inReplyTo: ReplyContext.bracketed(plan.previewMessageID),
                references: [ReplyContext.bracketed(plan.previewMessageID)], autoSubmitted: "auto-generated"))
            return queued ? .queued : .alreadyQueued
        }
    }

    static func announcements(_ entries: [OutboxEntry], slot: String) -> [OutboxEntry] {
        entries.filter { $0.purpose.hasPrefix(StoredPlan.announcementPrefix(key: slot)) }
    }

    /// The same counting as `cpdbot plan status`.
    static func counts(_ entries: [OutboxEntry], slot: String) -> PlanStatus.Counts {
        var counts = PlanStatus.Counts()
        for entry in announcements(entries, slot: slot) {
            switch entry.state {
            case .sent: counts.sent += 1
            case .queued, .throttled, .failedTemporary: counts.pending += 1
            case .failedPermanent: counts.failed += 1
            }
        }
        return counts
    }

    /// The people whose announcement failed for good, and the server's reason.
    static func failed(_ entries: [OutboxEntry], slot: String) -> [(address: String, reason: String)] {
        announcements(entries, slot: slot).compactMap { entry in
            guard case let .failedPermanent(_, reason) = entry.state else { return nil }
            return (entry.recipients.joined(separator: ", "), reason)
        }
    }
}
