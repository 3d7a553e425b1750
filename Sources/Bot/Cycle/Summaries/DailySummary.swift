import Config
import Foundation
import MIME
import Regulation
import Store

/// What one of DSHR's reports did today.
enum DSHRReportOutcome: Equatable, Sendable {
    case queued, alreadyQueued, nothingDue
}

/// DESIGN.md "Messages in": unknown senders, senders not allowed and forged mail are not
/// processed, and "DSHR sees it in the daily summary". Once a day (purpose `summary:<date>`),
/// in the bot's language, every message refused, reported or ignored since the last summary.
/// Nothing is sent on a day with nothing to say; those messages then wait for the next summary.
struct DailySummary {
    static let purposePrefix = "summary:"

    let environment: BotEnvironment
    let mail: CycleMail
    var limits = DSHRReportLimits()

    func send(today: CivilDate) throws -> DSHRReportOutcome {
        let purpose = Self.purposePrefix + today.iso
        let store = environment.store
        if try store.outbox.entry(messageID: mail.messageID(purpose: purpose)) != nil { return .alreadyQueued }
        let dshr = environment.configuration.bot.dshr
        guard !dshr.isEmpty else { return .nothingDue }
        let now = environment.now()
        // The last summary's queue time is where this one starts: the outbox is the record.
        let earlier = try store.outbox.all().filter { $0.purpose.hasPrefix(Self.purposePrefix) }.map(\.queuedAt).max()
        let after = earlier ?? now.addingTimeInterval(-Double(limits.firstSummaryDays) * 86_400)
        let subjects = ArchivedSubject(archive: store.archive.directory)
        let sections = JournalDigest.sections(events: try store.journal.events().events, after: after, upTo: now,
                                              subject: subjects.subject(sha256:path:))
        guard !sections.isEmpty else { return .nothingDue }
        let values = SummaryContexts.values(sections: sections, day: today, after: after, upTo: now,
                                            listed: limits.summaryListed, timeZone: environment.timeZone)
        let queued = try mail.send(ReplyWriter.Request(
            template: "dshr_daily_summary", language: environment.configuration.bot.language.rawValue,
            context: { _ in values }, to: dshr.map { Mailbox(displayName: nil, address: $0) }, purpose: purpose,
            autoSubmitted: "auto-generated"))
        return queued ? .queued : .alreadyQueued
    }
}
