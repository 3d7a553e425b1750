import Config
import Foundation
import Logging
import MIME
import Regulation
import Staff
import Store

/// Looks at the service at every poll, remembers what holds (`FileStore.alerts`) and mails
/// DSHR and `bot.admin` once per condition (`ServiceAlerts.round`). A failure here is logged
/// and never stops the mail: the next poll looks again.
struct ServiceAlertDesk {
    static let purposePrefix = "alert:service:"
    /// The most failed messages one alert lists; the rest are counted.
    static let listedMessages = 20

    let environment: BotEnvironment
    let replies: ReplyWriter

    /// Looks, remembers, queues the alerts due; returns the conditions mailed now.
    @discardableResult
    func lookAndTell() -> [ServiceCondition] {
        do {
            return try tell(ServiceAlerts.conditions(try facts()))
        } catch {
            environment.logger.error("service alerts: \(error); looked at again at the next poll")
            return []
        }
    }

    func tell(_ active: [ServiceCondition]) throws -> [ServiceCondition] {
        let now = environment.now()
        let ledger = environment.store.alerts
        let remembered = try ledger.load()
        let round = ServiceAlerts.round(active: active, remembered: remembered, now: now, canAlert: !recipients.isEmpty)
        for record in round.cleared {
            environment.logger.notice("no longer: \(record.summary) (since \(record.since.formatted(.iso8601)))")
        }
        if recipients.isEmpty {
            for condition in active where !remembered.active.contains(where: { $0.key == condition.key }) {
                environment.logger.warning("\(condition.summary); nobody to tell by mail (set bot.dshr or bot.admin)")
            }
        }
        // Queue first, then remember: a crash in between mails it twice rather than never.
        for mail in Self.mails(round.toSend) {
            try queue(mail, now: now)
        }
        for condition in round.toSend {
            environment.logger.warning("\(condition.summary); telling \(recipients.joined(separator: ", ")) by mail")
        }
        try ledger.save(round.state)
        return round.toSend
    }

    /// DSHR first, then the administrators who are not DSHR.
    var recipients: [String] {
        let bot = environment.configuration.bot
        return bot.dshr + bot.admin.filter { !bot.dshr.contains($0) }
    }

    /// One mail per condition, except failed messages: one mail lists all found in one look.
    static func mails(_ conditions: [ServiceCondition]) -> [[ServiceCondition]] {
        let failed = conditions.filter { $0.kind == .failedOutbox }
        return conditions.filter { $0.kind != .failedOutbox }.map { [$0] } + (failed.isEmpty ? [] : [failed])
    }

    private func queue(_ conditions: [ServiceCondition], now: Date) throws {
        guard let first = conditions.first else { return }
        let values = ServiceAlertContexts.values(conditions, listed: Self.listedMessages, timeZone: environment.timeZone)
        var request = ReplyWriter.Request(
            template: "service_alert", language: environment.configuration.bot.language.rawValue,
            context: { _ in values }, to: recipients.map { Mailbox(displayName: nil, address: $0) },
            purpose: Self.purposePrefix + first.key + ":" + now.formatted(.iso8601), autoSubmitted: "auto-generated")
        // A Plan's alert sits in its preview's thread: a reply "растаймын" confirms it, as for the preview.
        switch first {
        case .planPace(let plan, _), .planUnconfirmed(let plan):
            if let preview = plan.previewMessageID {
                request.inReplyTo = ReplyContext.bracketed(preview)
                request.references = [ReplyContext.bracketed(preview)]
            }
        default:
            break
        }
        try replies.enqueue(request)
        try environment.store.journal.append(JournalEvent(at: now, event: .error,
                                                          detail: "alert for DSHR and the admins: " + conditions.map(\.summary).joined(separator: "; ")))
    }

    // MARK: Facts

    /// The disk, the outbox, the calendar and the Plans as they are now.
    func facts() throws -> ServiceAlerts.Facts {
        let now = environment.now()
        let entries = try environment.store.outbox.all()
        var years: Set<Int> = []
        var plans: [ServiceAlerts.PlanFacts] = []
        var calendarFile = environment.ruleFiles.holidays.path
        do {
            let rules = try environment.cycleRules.get()
            years = Set(rules.calendar.years.keys)
            plans = try planFacts(entries: entries, calendar: rules.calendar, now: now)
        } catch {
            // A rule file that does not load is `cpdbot check`'s to name; the calendar is then unknown.
            calendarFile = environment.ruleFiles.holidays.path
            environment.logger.error("service alerts: the rules could not be read (\(error)); run cpdbot check")
            let year = CivilDate(now, in: environment.timeZone).year
            years = [year, year + 1]
        }
        var facts = ServiceAlerts.Facts(now: now, disk: Self.disk(of: environment.store.root.path), outbox: entries,
                                        calendarYears: years, calendarFile: calendarFile, plans: plans,
                                        planUnconfirmedWorkingDays: environment.configuration.alerts.planUnconfirmedWorkingDays)
        facts.timeZone = environment.timeZone
        return facts
    }

    static func disk(of path: String) -> ServiceAlerts.Disk? {
        var volume = statvfs()
        guard statvfs(path, &volume) == 0, volume.f_blocks > 0 else { return nil }
        let block = UInt64(volume.f_frsize)
        return ServiceAlerts.Disk(path: path, freeBytes: UInt64(volume.f_bavail) * block, totalBytes: UInt64(volume.f_blocks) * block)
    }

    /// Plans whose deadline has not passed and whose announcements have not all gone.
    private func planFacts(entries: [OutboxEntry], calendar: HolidayCalendar, now: Date) throws -> [ServiceAlerts.PlanFacts] {
        let today = CivilDate(now, in: environment.timeZone)
        let open = try PlanStore(store: environment.store).all().filter { $0.deadline >= today }
        guard !open.isEmpty else { return [] }
        let people = try environment.store.roster.load().people.count
        let learned = try environment.store.mailbox.load(mailbox: environment.configuration.imap.mailbox).serverSavesSent
        let limit = environment.configuration.alerts.planUnconfirmedWorkingDays + 1
        return try open.compactMap { plan in
            let counts = DeadlineAlert.counts(entries, slot: plan.slot)
            let remaining = switch plan.state {
            case .previewed: people
            case .confirmed: counts.pending > 0 || counts.sent > 0 ? counts.pending : people
            case .announced: counts.pending
            }
            guard remaining > 0 else { return nil }
            let pace = AnnouncementPace.estimate(messages: remaining, configuration: environment.configuration, learned: learned,
                                                 deadline: plan.deadline, start: now)
            let left = try ServiceAlerts.workingDays(after: today, through: plan.deadline, calendar: calendar, limit: limit)
            let situation = ServiceCondition.PlanSituation(slot: plan.slot, cycle: plan.cycle, fileName: plan.fileName,
                                                           deadline: plan.deadline, workingDaysLeft: left, remaining: remaining,
                                                           isConfirmed: plan.state != .previewed, previewMessageID: plan.previewMessageID)
            return ServiceAlerts.PlanFacts(situation: situation, state: plan.state, finish: pace?.finish)
        }
    }
}
