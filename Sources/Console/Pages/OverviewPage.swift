import Bot
import Foundation
import Staff
import Regulation
import Store

/// The cycle at a glance (DSHR): dates, units applied / late / not yet, messages by outcome,
/// the outbox, and the Plan with its announcements. Values from the store in, page values out.
public struct OverviewPage: Sendable {
    public struct UnitLine: Sendable, Equatable {
        public var name: String
        public var id: String
        public var rows: Int
        /// `ok`, `late` or `missing`.
        public var state: String
        public var stateText: String
        public var updated: String
    }
    public struct Count: Sendable, Equatable {
        public var key: String
        public var label: String
        public var value: Int
    }
    public struct PlanLine: Sendable, Equatable {
        public var slot: String
        public var file: String
        public var state: String
        public var stateText: String
        public var approved: String
        public var deadline: String
        public var workingDaysLeft: Int
        public var deadlineMissed: Bool
        public var sent: Int
        public var pending: Int
        public var failed: Int
        public var total: Int
        /// Sent of all queued, 0…100, and the bar's width in the 300-wide progress SVG.
        public var percent: Int
        public var progressWidth: Int
        public var paceFinish: String
        public var hasPace: Bool
        public var paceMissesDeadline: Bool
        /// Not announced yet: the Plan page offers "Confirm and announce".
        public var canAnnounce: Bool
    }

    public var cycle: String
    public var today: String
    public var applicationDeadline: String
    public var planDeadline: String
    public var unitsTotal: Int
    public var unitsApplied: Int
    public var unitsLate: Int
    public var unitsMissing: Int
    public var units: [UnitLine]
    public var chart: BarChart
    public var rowsAccepted: Int
    public var messages: [Count]
    public var outbox: [Count]
    public var plans: [PlanLine]
    public var hasPlan: Bool
    public var lastPoll: String
    public var lastError: String
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
