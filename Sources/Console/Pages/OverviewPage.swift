public import Bot
import Foundation
public import Staff
import Regulation
public import Store

/// The cycle at a glance (DSHR): dates, units applied / late / not yet, messages by outcome,
/// the outbox, and the Plan with its announcements. Values from the store in, page values out.
public struct OverviewPage: Sendable {
    /// One unit's line in the applications table.
    public struct UnitLine: Sendable, Equatable {
        /// The unit's name.
        public var name: String
        /// The unit's URL id (`UnitID`).
        public var id: String
        /// Rows accepted this cycle.
        public var rows: Int
        /// `ok`, `late` or `missing`.
        public var state: String
        /// `state` in the viewer's language.
        public var stateText: String
        /// When the latest rows arrived, as people write it; `–` when none did.
        public var updated: String
    }
    /// One figure of a count table (messages, outbox).
    public struct Count: Sendable, Equatable {
        /// The count's key (an outcome or an outbox state).
        public var key: String
        /// The key in the viewer's language.
        public var label: String
        /// The figure.
        public var value: Int
    }
    /// One Plan of the cycle and its announcements.
    public struct PlanLine: Sendable, Equatable {
        /// The Plan's folder in the store.
        public var slot: String
        /// The attachment's name as DSHR sent it.
        public var file: String
        /// `previewed`, `confirmed` or `announced`.
        public var state: String
        /// `state` in the viewer's language.
        public var stateText: String
        /// The approval date, as people write it.
        public var approved: String
        /// The §7.7 deadline, as people write it.
        public var deadline: String
        /// Working days left up to the deadline.
        public var workingDaysLeft: Int
        /// True once the deadline has passed and the Plan is not yet announced.
        public var deadlineMissed: Bool
        /// Announcements sent.
        public var sent: Int
        /// Announcements waiting in the outbox.
        public var pending: Int
        /// Announcements that failed.
        public var failed: Int
        /// Announcements queued in all.
        public var total: Int
        /// Sent of all queued, 0…100, and the bar's width in the 300-wide progress SVG.
        public var percent: Int
        /// `percent` × 3.
        public var progressWidth: Int
        /// When the pending ones will have gone at the configured pace; empty without limits.
        public var paceFinish: String
        /// True when `paceFinish` is set.
        public var hasPace: Bool
        /// True when that pace ends after the deadline.
        public var paceMissesDeadline: Bool
        /// Not announced yet: the Plan page offers "Confirm and announce".
        public var canAnnounce: Bool
    }

    /// The academic year shown.
    public var cycle: String
    /// Today, as people write it.
    public var today: String
    /// The applications' deadline (§7.4), as people write it.
    public var applicationDeadline: String
    /// The Plan's deadline, as people write it.
    public var planDeadline: String
    /// Units in the roster.
    public var unitsTotal: Int
    /// Units that applied in time.
    public var unitsApplied: Int
    /// Units that applied late.
    public var unitsLate: Int
    /// Units that have not applied.
    public var unitsMissing: Int
    /// Every unit's line.
    public var units: [UnitLine]
    /// The units' states as a bar chart.
    public var chart: BarChart
    /// Rows accepted this cycle, all units.
    public var rowsAccepted: Int
    /// Messages handled, per outcome.
    public var messages: [Count]
    /// Outgoing messages, per state.
    public var outbox: [Count]
    /// The cycle's Plans.
    public var plans: [PlanLine]
    /// True when the cycle has a Plan.
    public var hasPlan: Bool
    /// When the mailbox was last polled, as people write it.
    public var lastPoll: String
    /// The last poll's error, redacted.
    public var lastError: String
    /// True when `lastError` is set (Mustache tests truthiness, not emptiness).
    public var hasLastError: Bool

    /// - Parameters:
    ///   - rows: the cycle's stored rows (every unit's current application).
    ///   - status: what `cpdbot status` reports.
    ///   - plan: what `cpdbot plan status` reports, nil when the cycle has no Plan.
    ///   - workingDaysLeft: per Plan slot, working days to its §7.7 deadline.
    public init(facts: ConsoleCycleFacts, roster: Roster, rows: [StoredApplicationRow], status: StatusReport,
                plan: PlanStatus?, workingDaysLeft: [String: Int], strings: ConsoleStrings) {
        cycle = facts.cycle
        today = strings.date(facts.today)
        applicationDeadline = strings.date(facts.applicationDeadline)
        planDeadline = strings.date(facts.planDeadline)

        let byUnit = Dictionary(grouping: rows, by: \.unit)
        let names = Set(roster.units).union(byUnit.keys).sorted()
        units = names.map { name in
            let unitRows = byUnit[name] ?? []
            // A resend replaces all rows, so the rows share one submission: on time if it was.
            let state = unitRows.isEmpty ? "missing" : (unitRows.contains { !$0.late } ? "ok" : "late")
            return UnitLine(name: name, id: UnitID.of(name), rows: unitRows.count, state: state,
                            stateText: strings["unit_state_\(state)"],
                            updated: unitRows.map(\.receivedAt).max().map(strings.moment) ?? "–")
        }
        unitsTotal = units.count
        unitsApplied = units.filter { $0.state == "ok" }.count
        unitsLate = units.filter { $0.state == "late" }.count
        unitsMissing = units.filter { $0.state == "missing" }.count
        chart = BarChart(title: strings["overview_chart_title"], entries: [
            (strings["unit_state_ok"], unitsApplied, strings.number(unitsApplied), "bar-ok"),
            (strings["unit_state_late"], unitsLate, strings.number(unitsLate), "bar-late"),
            (strings["unit_state_missing"], unitsMissing, strings.number(unitsMissing), "bar-missing"),
        ])
        rowsAccepted = rows.count
        messages = ["processed", "rejected", "ignored", "reported"].map {
            Count(key: $0, label: strings["outcome_\($0)"], value: status.outcomes[$0] ?? 0)
        }
        outbox = ["queued", "sent", "failed"].map {
            Count(key: $0, label: strings["outbox_\($0)"], value: status.outbox[$0] ?? 0)
        }
        plans = Self.planLines(plan, today: facts.today, workingDaysLeft: workingDaysLeft, strings: strings)
        hasPlan = !plans.isEmpty
        lastPoll = status.lastPoll.map(strings.moment) ?? strings["never"]
        lastError = status.lastError ?? ""
        hasLastError = status.lastError != nil
    }

    /// Each Plan of the cycle with its announcements, as `cpdbot plan status` counts them.
    static func planLines(_ plan: PlanStatus?, today: CivilDate, workingDaysLeft: [String: Int],
                          strings: ConsoleStrings) -> [PlanLine] {
        (plan?.plans ?? []).map { entry in
            let counts = entry.announcements
            let total = counts.sent + counts.pending + counts.failed
            let percent = total == 0 ? 0 : counts.sent * 100 / total
            let state = Self.state(entry.plan.state, counts: counts)
            return PlanLine(slot: entry.plan.slot, file: entry.plan.fileName, state: state,
                            stateText: strings["plan_state_\(state)"],
                            approved: strings.date(entry.plan.approvalDate), deadline: strings.date(entry.plan.deadline),
                            workingDaysLeft: workingDaysLeft[entry.plan.slot] ?? 0,
                            deadlineMissed: entry.plan.state != .announced && entry.plan.deadline < today,
                            sent: counts.sent, pending: counts.pending, failed: counts.failed, total: total,
                            percent: percent, progressWidth: percent * 3, paceFinish: entry.pace?.finishText ?? "",
                            hasPace: entry.pace != nil, paceMissesDeadline: entry.pace?.missesDeadline ?? false,
                            canAnnounce: entry.plan.state != .announced)
        }
    }

    /// none / previewed / confirmed / announcing / announced, as the issue words the Plan's life.
    static func state(_ state: PlanState, counts: PlanStatus.Counts) -> String {
        switch state {
        case .previewed: return "previewed"
        case .confirmed: return counts.sent + counts.pending + counts.failed == 0 ? "confirmed" : "announcing"
        case .announced: return counts.pending > 0 ? "announcing" : "announced"
        }
    }
}
