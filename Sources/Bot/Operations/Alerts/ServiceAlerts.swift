import CivilCalendar
public import Foundation
import Regulation
public import Store

/// Which service conditions hold, and which of them are to be mailed now. Pure: facts and the
/// clock in, conditions out; `ServiceAlertDesk` gathers the facts and sends.
public enum ServiceAlerts {
    /// Under this fraction of the store's disk free, the bot has days, not months (the same
    /// line `cpdbot check` draws).
    public static let minimumFreeFraction = 0.10
    /// A message failing this long is not a passing refusal (the issue: "more than a day").
    public static let failedMessageAge: TimeInterval = 86_400

    /// What the service looks like at `now`.
    public struct Facts: Sendable {
        /// The moment looked at.
        public var now: Date
        /// The store's disk; nil when it could not be read.
        public var disk: Disk?
        /// Every outbox entry (failed ones raise an alert).
        public var outbox: [OutboxEntry]
        /// The years the holiday calendar covers.
        public var calendarYears: Set<Int>
        /// The holiday calendar's path, named in the alert.
        public var calendarFile: String
        /// Plans not yet fully announced.
        public var plans: [PlanFacts]
        /// `alerts.plan_unconfirmed_working_days`.
        public var planUnconfirmedWorkingDays: Int
        /// The university's clock (`bot.time_zone`): which day `now` is.
        public var timeZone: TimeZone = UniversityTimeZone.default

        /// The facts of one look.
        public init(now: Date, disk: Disk?, outbox: [OutboxEntry], calendarYears: Set<Int>, calendarFile: String,
                    plans: [PlanFacts], planUnconfirmedWorkingDays: Int) {
            self.now = now
            self.disk = disk
            self.outbox = outbox
            self.calendarYears = calendarYears
            self.calendarFile = calendarFile
            self.plans = plans
            self.planUnconfirmedWorkingDays = planUnconfirmedWorkingDays
        }
    }

    /// Free and total space of the store's file system (from statvfs(3)).
    public struct Disk: Sendable, Equatable {
        /// The store's path.
        public var path: String
        /// Bytes available to the service's user.
        public var freeBytes: UInt64
        /// The file system's size in bytes.
        public var totalBytes: UInt64
        /// A disk's figures.
        public init(path: String, freeBytes: UInt64, totalBytes: UInt64) {
            self.path = path
            self.freeBytes = freeBytes
            self.totalBytes = totalBytes
        }
    }

    /// A Plan not yet fully announced, with what its deadline and pace look like today.
    public struct PlanFacts: Sendable, Equatable {
        /// The Plan's deadline and what is left to send.
        public var situation: ServiceCondition.PlanSituation
        /// Previewed, confirmed or announced.
        public var state: PlanState
        /// When the last announcement leaves at the configured pace from now; nil without limits.
        public var finish: Date?
        /// A Plan's facts.
        public init(situation: ServiceCondition.PlanSituation, state: PlanState, finish: Date?) {
            self.situation = situation
            self.state = state
            self.finish = finish
        }
    }

    /// Every condition that holds at `facts.now`, in a stable order.
    public static func conditions(_ facts: Facts) -> [ServiceCondition] {
        var found: [ServiceCondition] = []
        if let disk = facts.disk, disk.totalBytes > 0,
           Double(disk.freeBytes) / Double(disk.totalBytes) < minimumFreeFraction {
            found.append(.diskSpace(path: disk.path, freeBytes: disk.freeBytes, totalBytes: disk.totalBytes))
        }
        for entry in facts.outbox.sorted(by: { $0.queuedAt < $1.queuedAt })
        where facts.now.timeIntervalSince(entry.queuedAt) > failedMessageAge {
            let failure: (reason: String, permanent: Bool)
            switch entry.state {
            case let .failedTemporary(_, _, reason): failure = (reason, false)
            case let .failedPermanent(_, reason): failure = (reason, true)
            case .queued, .throttled, .sent: continue
            }
            found.append(.failedMessage(.init(messageID: entry.messageID, recipients: entry.recipients, subject: entry.subject,
                                              queuedAt: entry.queuedAt, reason: failure.reason, permanent: failure.permanent)))
        }
        let today = CivilDate(facts.now, in: facts.timeZone)
        if !facts.calendarYears.contains(today.year) {
            found.append(.calendarYearMissing(year: today.year, file: facts.calendarFile))
        } else if today.month >= 11, !facts.calendarYears.contains(today.year + 1) {
            // The decree on next year's transferred days off comes out in autumn: from 1 November
            // a missing year is a task for this month, not a surprise in January.
            found.append(.calendarYearMissing(year: today.year + 1, file: facts.calendarFile))
        }
        for plan in facts.plans.sorted(by: { $0.situation.slot < $1.situation.slot }) {
            let situation = plan.situation
            guard today <= situation.deadline, situation.remaining > 0 else { continue }
            if let finish = plan.finish, CivilDate(finish, in: facts.timeZone) > situation.deadline {
                found.append(.planPace(situation, finish: finish))
            }
            if plan.state == .previewed, situation.workingDaysLeft <= facts.planUnconfirmedWorkingDays {
                found.append(.planUnconfirmed(situation))
            }
        }
        return found
    }

    /// The outcome of one look: what to remember, what to mail now, what cleared.
    public struct Round: Sendable, Equatable {
        /// The ledger to save.
        public var state: AlertState
        /// New conditions to mail DSHR and `bot.admin` about now.
        public var toSend: [ServiceCondition]
        /// Conditions that no longer hold.
        public var cleared: [AlertRecord]
    }

    /// Each condition is mailed once: when it first holds (or, if nobody could be told then,
    /// at the first look with someone to tell). A condition that no longer holds is forgotten,
    /// so it is mailed again if it comes back. `canAlert`: DSHR or `bot.admin` is configured.
    public static func round(active: [ServiceCondition], remembered: AlertState, now: Date, canAlert: Bool) -> Round {
        let known = Dictionary(remembered.active.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var records: [AlertRecord] = []
        var toSend: [ServiceCondition] = []
        var seen: Set<String> = []
        for condition in active where seen.insert(condition.key).inserted {
            var record = known[condition.key]
                ?? AlertRecord(key: condition.key, kind: condition.kind.rawValue, summary: condition.summary, since: now)
            record.summary = condition.summary
            if record.alertedAt == nil, canAlert {
                record.alertedAt = now
                toSend.append(condition)
            }
            records.append(record)
        }
        let cleared = remembered.active.filter { !seen.contains($0.key) }
        return Round(state: AlertState(checkedAt: now, active: records.sorted { $0.key < $1.key }), toSend: toSend, cleared: cleared)
    }

    /// Working days after `today` up to and including `deadline` (0 on or after the deadline),
    /// counted no further than `limit` (pure, given the calendar).
    static func workingDays(after today: CivilDate, through deadline: CivilDate, calendar: HolidayCalendar,
                            limit: Int) throws(RegulationError) -> Int {
        var count = 0
        var day = today.adding(days: 1)
        while day <= deadline, count < limit {
            if try calendar.isWorkingDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }
}
