import Config
import Foundation
import Logging
public import Regulation
import Store

/// The cycle's mail in one place, for the message handler and the CLI (`plan announce`,
/// `plan status`, `remind`, `report compliance`).
public struct CycleDesk {
    let environment: BotEnvironment
    let mail: CycleMail
    /// The policy, calendar and schedule the cycle follows.
    public var rules: CycleRules

    /// For the CLI: the templates and rules next to each other, as in the project folder.
    public init(environment: BotEnvironment) throws {
        let renderer = try TemplateLibraryRenderer(directory: environment.templatesDirectory,
                                                   signature: MailSignature(environment.configuration.signature))
        try self.init(environment: environment, writer: ReplyWriter(environment: environment, renderer: renderer))
    }

    init(environment: BotEnvironment, writer: ReplyWriter, rules: CycleRules? = nil) throws {
        self.environment = environment
        mail = CycleMail(environment: environment, writer: writer)
        self.rules = try rules ?? environment.cycleRules.get()
    }

    var plan: PlanDesk { PlanDesk(environment: environment, mail: mail, rules: rules) }
    var completions: CompletionsDesk { CompletionsDesk(environment: environment, mail: mail, rules: rules) }
    /// The Plans in the store.
    public var plans: PlanStore { PlanStore(store: environment.store) }

    /// `cpdbot plan announce --cycle C --yes`: confirms and announces every Plan of the cycle
    /// not yet announced (and re-queues nobody: the purposes are per person).
    public func announce(cycle: String) throws -> [(plan: StoredPlan, summary: AnnouncementSummary)] {
        let stored = try plans.plans(cycle: cycle)
        guard !stored.isEmpty else { throw CycleError.noPlan(cycle: cycle) }
        let roster = try environment.store.roster.load()
        var done: [(StoredPlan, AnnouncementSummary)] = []
        for var plan in stored where plan.state != .announced {
            if plan.state == .previewed {
                plan.state = .confirmed
                plan.confirmedBy = "cpdbot plan announce"
                plan.confirmedAt = environment.now()
                try plans.save(plan)
            }
            let announcer = PlanAnnouncer(environment: environment, mail: mail, plans: plans)
            done.append((plan, try announcer.announce(plan, roster: roster)))
        }
        return done
    }

    /// `cpdbot plan status --cycle C`.
    public func status(cycle: String) throws -> PlanStatus {
        let stored = try plans.plans(cycle: cycle)
        guard !stored.isEmpty else { throw CycleError.noPlan(cycle: cycle) }
        let entries = try environment.store.outbox.all()
        let learned = try environment.store.mailbox.load(mailbox: environment.configuration.imap.mailbox).serverSavesSent
        return PlanStatus(cycle: cycle, plans: stored.map { plan in
            let prefix = StoredPlan.announcementPrefix(key: plan.announcementKey)
            var counts = PlanStatus.Counts()
            for entry in entries where entry.purpose.hasPrefix(prefix) {
                switch entry.state {
                case .sent: counts.sent += 1
                case .queued, .throttled: counts.pending += 1
                case .failedTemporary: counts.pending += 1
                case .failedPermanent: counts.failed += 1
                }
            }
            // What is still to go, at the configured pace from now.
            let pace = AnnouncementPace.estimate(messages: counts.pending, configuration: environment.configuration,
                                                 learned: learned, deadline: plan.deadline, start: environment.now())
            return PlanStatus.Entry(plan: plan, announcements: counts, pace: pace)
        }, today: CivilDate(environment.now(), in: environment.timeZone))
    }

    /// The training history with the roster, for `cpdbot report compliance`.
    public func compliance(asOf: CivilDate) throws -> [ComplianceFinding] {
        let roster = StaffRoster(try environment.store.roster.load())
        let history = try TrainingLedger.load(from: environment.store).history + selfReported()
        return ComplianceChecker(policy: rules.policy.training).check(roster: roster, history: history, asOf: asOf)
    }
}

extension CycleDesk {
    /// The last course each applicant reported in Appendix 1 (columns 6–8), from every cycle:
    /// history from before cpdbot. It carries no group or kind, so it counts towards §6.3.1
    /// hours but never as §6.3.2 management training.
    func selfReported() throws -> [TrainingRecord] {
        var seen: Set<String> = []
        var records: [TrainingRecord] = []
        for cycle in try environment.store.applications.cycles() {
            for row in try environment.store.applications.all(cycle: cycle) {
                guard let text = row.lastCourseDate, let date = CivilDate(text: text), let hours = row.lastCourseHours,
                      hours > 0, !row.email.isEmpty else { continue }
                let title = "self-reported: " + (row.lastCourse ?? "")
                guard seen.insert(row.email.lowercased() + "\u{0}" + date.iso + "\u{0}" + title).inserted else { continue }
                records.append(TrainingRecord(participantEmail: row.email, courseID: title, completionDate: date, hours: hours))
            }
        }
        return records
    }
}

/// Where a cycle's Plans stand, and their announcements in the outbox.
public struct PlanStatus: Sendable {
    /// Announcements per state.
    public struct Counts: Sendable, Equatable, Codable {
        /// Sent, waiting in the outbox, failed.
        public var sent = 0, pending = 0, failed = 0
    }
    /// One Plan and its announcements.
    public struct Entry: Sendable {
        /// The Plan as stored.
        public var plan: StoredPlan
        /// Its announcements per state.
        public var announcements: Counts
        /// When the pending announcements will have gone at the configured pace (nil: no limits,
        /// or nothing pending).
        public var pace: AnnouncementPace?
    }
    /// The academic year.
    public var cycle: String
    /// The cycle's Plans, oldest first.
    public var plans: [Entry]
    /// The day the status was taken (Almaty time).
    public var today: CivilDate
}
