import Config
import Foundation
import Intake
import Logging
import MIME
import Mail
import Store

/// Sends what the outbox holds, exactly once as far as SMTP allows.
///
/// SMTP commits when the server answers 250 to the final dot, and a client killed just before
/// it reads that answer cannot know whether the server took the message. So the server's own
/// copy of each message is the record of what it accepted:
/// - where the server files every submitted message into its Sent folder by itself (Exchange
///   Online, Gmail; `smtp.server_saves_sent`, or learned by `auto`), that copy is the record,
///   and the bot adds nothing to the envelope;
/// - elsewhere every message also goes, by envelope only, to the bot's own mailbox, and the
///   intake files those copies into Sent.
/// An in-flight mark is written (fsync; for a whole batch at once) before SMTP, and removed only
/// once the outcome is durable; after a crash, an in-flight message is
/// sent again only if no copy of it turned up (in the mailbox or in Sent) within a grace
/// period. Either way Sent ends with one copy of each message.
///
/// 4xx → retried with backoff; 5xx → failed, and DSHR is told; a throttling reply (`421`,
/// `4.7.x`, …) is neither: the message waits, untouched, while the pacer pauses all sending.
/// The pacer keeps the pace within `smtp.max_messages_per_minute` / `max_recipients_per_day`.
struct OutboxSender {
    struct Summary: Sendable, Equatable {
        var sent = 0
        var temporaryFailures = 0
        var permanentFailures = 0
        var foundAlreadySent = 0
        /// Put back in the queue because the server said "too fast": not failures.
        var throttled = 0
        /// One message the server took in this flush (for `learnServerSavesSent`).
        var someSentMessageID: String?

        mutating func add(_ other: Summary) {
            sent += other.sent
            temporaryFailures += other.temporaryFailures
            permanentFailures += other.permanentFailures
            foundAlreadySent += other.foundAlreadySent
            throttled += other.throttled
            someSentMessageID = someSentMessageID ?? other.someSentMessageID
        }
    }

    let environment: BotEnvironment
    /// Queues DSHR's note about a message that can never be delivered.
    let replies: ReplyWriter
    /// Opens another SMTP connection, for sending many messages at once (nil: one connection).
    var makeClient: (@Sendable () throws -> SMTPClient)?
    /// At most this many connections at once (Postfix's smtpd handles a few in parallel well).
    var connections = 4
    /// A connection is added for every this many messages.
    var parallelThreshold = 25
    /// Told after every batch how many of this round's messages are done, of how many
    /// (`cpdbot run` shows "sending 120/2000" in `systemctl status` and pings the watchdog).
    var onProgress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    /// How long Postfix to deliver the bot's copy of a message sent before a crash.
    var inFlightGrace: TimeInterval = 20
    /// The server's folders, and whether it keeps its own Sent copies (set per session).
    var folders: MailFolders
    /// Paces sending within the provider's limits; one for every connection and thread.
    var pacer: SendPacer

    init(environment: BotEnvironment, replies: ReplyWriter, folders: MailFolders? = nil, pacer: SendPacer? = nil) {
        self.environment = environment
        self.replies = replies
        self.folders = folders ?? .configured(environment.configuration)
        self.pacer = pacer ?? SendPacer(limits: SendPacer.Limits())
    }

    /// The store's in-flight marks (`outbox/inflight/`).
    private var inFlightMarks: InFlightMarks { environment.store.outbox.inFlight }

    private var botAddress: String { environment.configuration.bot.address.lowercased() }

    /// Sends every due entry. Throws when the SMTP or IMAP server cannot be used at all (the
    /// caller backs off); failures of single messages are recorded and do not throw.
    /// Without `imap` (the mailbox cannot be logged in to), messages a crash left in flight wait:
    /// only the mailbox can tell whether they went out. Only entries `include` accepts are sent.
    func flush(smtp: any MessageSubmission, imap: (any MailboxSession)?, shouldStop: () -> Bool = { false },
               include: (OutboxEntry) -> Bool = { _ in true }) throws -> Summary {
        var summary = Summary()
        // Sending can queue more (DSHR's note about an undeliverable message): a few rounds take
        // those along; what is still due after them waits for the next pass.
        for _ in 0..<3 {
            let pending = try environment.store.outbox.pending(now: environment.now()).filter(include)
            guard !pending.isEmpty, !shouldStop(), !pacer.isHolding else { break }
            try flush(pending, smtp: smtp, imap: imap, summary: &summary, shouldStop: shouldStop)
        }
        if let until = pacer.newlyHeldUntilDayEnd() {
            environment.logger.notice("smtp.max_recipients_per_day (\(pacer.limits.recipientsPerDay)) is used up for today; the rest of the outbox waits until \(until) (midnight in Almaty)")
        }
        return summary
    }

    private func flush(_ pending: [OutboxEntry], smtp: any MessageSubmission, imap: (any MailboxSession)?, summary: inout Summary,
                       shouldStop: () -> Bool) throws {
        // First what a crash left in flight: sent again only if no copy reached the mailbox.
        var toSend: [OutboxEntry] = []
        let marks = inFlightMarks.all()
        for entry in pending {
            let markedAt = inFlightMarks.markedAt(entry.messageID, among: marks)
            guard let imap else {
                if markedAt == nil { toSend.append(entry) }
                continue
            }
            if let markedAt, try copyArrived(entry.messageID, imap: imap, markedAt: markedAt) {
                try environment.store.outbox.markSent(messageID: entry.messageID, at: environment.now())
                inFlightMarks.clear(entry.messageID)
                summary.foundAlreadySent += 1
            } else {
                toSend.append(entry)
            }
        }
        // Many messages (announcements, a backlog of receipts) go over several connections at
        // once: the server's round trips, not the bot, are what limit one connection.
        let progress = SendProgress(total: toSend.count, report: onProgress)
        let workers = toSend.count >= 2 * parallelThreshold ? max(1, min(connections, toSend.count / parallelThreshold)) : 1
        guard workers > 1, let makeClient else {
            try send(toSend, over: smtp, shouldStop: shouldStop, progress: progress, into: &summary)
            return
        }
        let results = SendResults()
        let entries = toSend
        // `shouldStop` is asked on every sending thread, so that a shutdown ends a paced wait on
        // each of them: the callers' checks are thread-safe (the service's is a locked flag).
        withoutActuallyEscaping(shouldStop) { shouldStop in
            let stopRequested = UncheckedSendable(shouldStop)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                // One SMTP client per thread: a libcurl handle is confined to the thread that uses it.
                let client: any MessageSubmission
                do { client = try makeClient() } catch { return results.fail(error) }
                var mine = Summary()
                defer { results.add(mine) }
                let share = stride(from: worker, to: entries.count, by: workers).map { entries[$0] }
                do {
                    try send(share, over: client, shouldStop: { results.hasFailed || stopRequested.value() }, progress: progress, into: &mine)
                } catch {
                    results.fail(error)
                }
            }
        }
        summary.add(results.summary)
        if let error = results.firstError { throw error }
    }



    /// Sends `entries` over one connection and records what happened to each. The client
    /// pipelines them (RFC 2920), so they are handed over a batch at a time (bounded memory).
    /// Throws when the connection is unusable; what was recorded before stays in `summary`.
    private func send(_ entries: [OutboxEntry], over smtp: any MessageSubmission, shouldStop: () -> Bool,
                      progress: SendProgress, into summary: inout Summary) throws {
        var next = 0
        while next < entries.count, !shouldStop() {
            var batch: [OutboxEntry] = []
            var messages: [SMTPMessage] = []
            var bytes = 0
            while next < entries.count, batch.count < Self.batchCount, bytes < Self.batchBytes {
                let entry = entries[next]
                next += 1
                let raw = try environment.store.outbox.raw(messageID: entry.messageID)
                bytes += raw.count
                batch.append(entry)
                messages.append(SMTPMessage(data: raw, from: environment.configuration.bot.address,
                                            recipients: envelope(for: entry)))
            }
            try send(batch, messages, over: smtp, shouldStop: shouldStop, into: &summary)
            progress.advance(by: batch.count)
        }
    }

    /// Messages handed to the SMTP client at a time, and their bytes at most (one message may
    /// exceed it alone). Pipelining needs only the next message at hand, and up to four
    /// connections send at once: a megabyte each keeps a backlog of long receipts (60 KB for
    /// 360 people) from adding tens of megabytes to the bot's memory.
    static let batchCount = 50
    static let batchBytes = 1024 * 1024

    /// The bot's own address goes into every envelope, its copy being the record of what was
    /// sent – unless the server files its own copy into Sent.
    func envelope(for entry: OutboxEntry) -> [String] {
        if folders.serverSavesSent == true || entry.recipients.contains(botAddress) { return entry.recipients }
        return entry.recipients + [botAddress]
    }

    private struct StopRequested: Error {}

    /// Sends one batch over one connection, with two group commits instead of a flush per file:
    /// - the in-flight marks of the whole batch (one file) are made durable together before its first
    ///   byte leaves (a mark only means "look for the bot's copy before sending this again", so
    ///   marking a message that is then not sent is safe; the marks of messages never started
    ///   are removed again at the end);
    /// - the outcomes (outbox states, journal lines) are made durable together after the
    ///   server's last answer, and only then are their marks removed. A crash before that
    ///   commit leaves the marks, so the retry looks for the copies first: exactly once holds.
    private func send(_ batch: [OutboxEntry], _ messages: [SMTPMessage], over smtp: any MessageSubmission,
                      shouldStop: () -> Bool, into summary: inout Summary) throws {
        let group = GroupCommit.begin()
        defer { group.end() }
        // Messages sent again after a crash (no copy turned up) still have their old marks: those
        // go too once the new outcome is durable.
        let earlier = inFlightMarks.all()
        let remarked = Set(batch.map(\.messageID).filter { inFlightMarks.markedAt($0, among: earlier) != nil })
        let marks = try inFlightMarks.mark(batch: batch.map(\.messageID))
        try group.commit()
        var started: Set<Int> = []
        var answered: Set<Int> = []
        var recorded = Summary()
        var sent: [(entry: OutboxEntry, at: Date)] = []
        defer { summary.add(recorded) }
        do {
            try send(batch, messages, over: smtp, shouldStop: shouldStop, started: &started, answered: &answered,
                     recorded: &recorded, sent: &sent)
        } catch {
            // What was recorded before the error is made durable and unmarked all the same.
            try? settle(batch, started: started, answered: answered, sent: sent, marks: marks, remarked: remarked, group: group)
            throw error
        }
        try settle(batch, started: started, answered: answered, sent: sent, marks: marks, remarked: remarked, group: group)
    }

    /// Commits the batch's outcomes (the messages sent: one file for the batch), then removes
    /// the marks of the messages answered for and of those never started; the marks of
    /// messages started and not answered (a broken line) stay for the retry.
    private func settle(_ batch: [OutboxEntry], started: Set<Int>, answered: Set<Int>, sent: [(entry: OutboxEntry, at: Date)],
                        marks: URL?, remarked: Set<String>, group: GroupCommit) throws {
        try environment.store.outbox.markSent(batch: sent)
        try group.commit()
        let done = batch.indices.filter { answered.contains($0) || !started.contains($0) }.map { batch[$0].messageID }
        if let marks { inFlightMarks.clear(done, in: marks) }
        let answeredAgain = done.filter(remarked.contains)
        if !answeredAgain.isEmpty { inFlightMarks.clear(answeredAgain) }
    }

    private func send(_ batch: [OutboxEntry], _ messages: [SMTPMessage], over smtp: any MessageSubmission,
                      shouldStop: () -> Bool, started: inout Set<Int>, answered: inout Set<Int>,
                      recorded: inout Summary, sent: inout [(entry: OutboxEntry, at: Date)]) throws {
        var inFlight: Set<Int> = []
        do {
            try smtp.send(messages, willSend: { index in
                if shouldStop() { throw StopRequested() }
                // Within the provider's limits: this may wait; a pause or a used-up day stops here.
                guard pacer.acquire(recipients: messages[index].recipients.count, shouldStop: shouldStop) == .granted else {
                    throw StopRequested()
                }
                // Its in-flight mark was made durable with the batch's, before the first byte.
                started.insert(index)
                inFlight.insert(index)
            }, didSend: { index, outcome in
                // Only now is the outcome known: a 2xx after the data (or every recipient refused).
                inFlight.remove(index)
                recorded.add(try record(outcome, for: batch[index], sent: &sent))
                answered.insert(index)
            })
        } catch is StopRequested {
            // Messages already started were finished and recorded; the rest wait for the next pass.
        } catch let error as MailError where recorded.throttled > 0 {
            // The server throttled and then closed the line (`421`): the messages in flight wait
            // out the pause with their marks (the retry first looks for their copies); the
            // client reconnects for the next send. Neither is a failure. (The pause is the one
            // the throttling reply began.)
            let until = pacer.pauseEnd ?? pacer.throttled()
            for index in inFlight.sorted() {
                try environment.store.outbox.markThrottled(messageID: batch[index].messageID, until: until,
                                                           reason: error.description, now: environment.now())
            }
        } catch let error as MailError {
            // The connection broke: the server may or may not have taken the messages in flight.
            // Their in-flight marks stay, so the retry first looks for the bot's copies.
            for index in inFlight.sorted() {
                try environment.store.outbox.markFailed(messageID: batch[index].messageID, reason: error.description,
                                                        permanent: false, now: environment.now())
            }
            throw error
        }
    }

    /// Records the outcome of one message the server has answered for.
    /// A message the server took is added to `sent`: the batch's outcomes are written together (`settle`).
    private func record(_ outcome: Result<SendReport, MailError>, for entry: OutboxEntry,
                        sent: inout [(entry: OutboxEntry, at: Date)]) throws -> Summary {
        var summary = Summary()
        let report: SendReport
        switch outcome {
        case let .success(value):
            report = value
        case let .failure(error) where SMTPThrottling.isThrottling(error):
            return try recordThrottled(entry, reason: error.description)
        case let .failure(error):
            // The message as a whole was refused (MAIL FROM, DATA, the end of data), or an
            // address can never be put into an envelope: retrying cannot help.
            try recordFailure(entry, reason: error.description, permanent: true)
            summary.permanentFailures += 1
            return summary
        }
        let delivered = report.accepted.filter { $0.lowercased() != botAddress || entry.recipients.contains(botAddress) }
        let others = report.perRecipient.filter { $0.key.lowercased() != botAddress || entry.recipients.contains(botAddress) }
        if delivered.isEmpty, !others.isEmpty, others.values.allSatisfy(SMTPThrottling.isThrottling) {
            return try recordThrottled(entry, reason: describe(report))
        }
        if delivered.isEmpty {
            let temporary = report.perRecipient.contains { address, result in
                guard address.lowercased() != botAddress else { return false }
                if case .temporaryFailure = result { return true } else { return false }
            }
            try recordFailure(entry, reason: describe(report), permanent: !temporary)
            if temporary { summary.temporaryFailures += 1 } else { summary.permanentFailures += 1 }
            return summary
        }
        sent.append((entry, environment.now()))
        pacer.succeeded()
        try environment.store.journal.append(JournalEvent(
            at: environment.now(), event: .sent, messageID: entry.messageID,
            detail: "\(entry.purpose) to \(delivered.joined(separator: ", "))"
                + (report.refused.isEmpty ? "" : "; refused: \(describe(report))")))
        summary.sent += 1
        summary.someSentMessageID = entry.messageID
        return summary
    }

    /// The server said "too fast": the message waits in the queue (not a failed attempt, DSHR
    /// is not told) until the pacer's pause is over, and nothing else starts before then.
    /// (Its in-flight mark goes once this is durable: `settle`.)
    private func recordThrottled(_ entry: OutboxEntry, reason: String) throws -> Summary {
        let until = pacer.throttled()
        try environment.store.outbox.markThrottled(messageID: entry.messageID, until: until, reason: reason,
                                                   now: environment.now())
        environment.logger.notice("the server throttles sending (\(reason)); \(entry.purpose) <\(entry.messageID)> and the rest wait until \(until)")
        var summary = Summary()
        summary.throttled = 1
        return summary
    }

    /// Whether a copy of a message sent before a crash is in the bot's mailbox or in Sent
    /// (the server's own, or the bot's filed there), waiting up to the grace period (counted
    /// from the in-flight mark) for the server to deliver or file it.
    private func copyArrived(_ messageID: String, imap: any MailboxSession, markedAt: Date) throws -> Bool {
        let deadline = markedAt.addingTimeInterval(inFlightGrace)
        defer { _ = try? imap.select(folders.inbox) }
        while true {
            for folder in [folders.inbox, folders.sent] {
                guard (try? imap.select(folder, readOnly: true)) != nil else { continue }
                if !(try imap.searchUIDs(header: "Message-ID", value: messageID)).isEmpty { return true }
            }
            guard Date() < deadline else { return false }
            Thread.sleep(forTimeInterval: 0.5)
        }
    }

    /// `smtp.server_saves_sent: auto`: after a message went out with the bot's own address in
    /// its envelope, looks where its copies turn up. In Sent (where the bot moved nothing yet)
    /// → the server files its own copies (true). Only the bot's copy in the mailbox, and still
    /// nothing in Sent a few seconds later → false. Nothing within the grace period → nil
    /// (asked again after the next message). Leaves `folders.inbox` selected.
    func learnServerSavesSent(from messageID: String, imap: any MailboxSession, settle: TimeInterval = 3) throws -> Bool? {
        let deadline = Date().addingTimeInterval(inFlightGrace)
        var ownCopySeenAt: Date?
        defer { _ = try? imap.select(folders.inbox) }
        while true {
            if (try? imap.select(folders.sent, readOnly: true)) != nil,
               !(try imap.searchUIDs(header: "Message-ID", value: messageID)).isEmpty {
                return true
            }
            if ownCopySeenAt == nil {
                try imap.select(folders.inbox, readOnly: true)
                if !(try imap.searchUIDs(header: "Message-ID", value: messageID)).isEmpty { ownCopySeenAt = Date() }
            }
            if let seen = ownCopySeenAt, Date() >= seen.addingTimeInterval(settle) { return false }
            guard Date() < deadline else { return nil }
            Thread.sleep(forTimeInterval: 0.5)
        }
    }

    /// (Its in-flight mark goes once this is durable: `settle`.)
    private func recordFailure(_ entry: OutboxEntry, reason: String, permanent: Bool) throws {
        let updated = try environment.store.outbox.markFailed(messageID: entry.messageID, reason: reason,
                                                              permanent: permanent, now: environment.now())
        try environment.store.journal.append(JournalEvent(
            at: environment.now(), event: .sendFailed, messageID: entry.messageID,
            detail: "\(entry.purpose): \(reason) (\(updated.state.name))"))
        environment.logger.warning("could not send \(entry.purpose) <\(entry.messageID)>: \(reason)")
        // DSHR hears of mail that will never arrive; notes to DSHR themselves are not reported
        // again (a DSHR address that refuses mail must not start a loop).
        if case .failedPermanent = updated.state, !entry.purpose.hasPrefix("report") {
            let noted = NotedMessage(from: environment.configuration.bot.address, subject: entry.subject,
                                     date: nil, messageID: entry.messageID)
            // The addresses, not the server's English reason (the journal keeps that).
            var values = ReportContext(reason: .bounce, message: noted, failedRecipient: entry.recipients.joined(separator: ", "),
                                       bouncedSubject: entry.subject, folder: "").values()
            // A Plan's announcement reaches the corrected address by a confirmation in the preview's
            // thread: the notice joins that thread, so DSHR's "confirm" may answer the notice itself.
            let preview = try PlanStore(store: environment.store).plan(ofAnnouncement: entry.purpose)
                .map { ReplyContext.bracketed($0.previewMessageID) }
            values["is_announcement"] = StoredPlan.announcementKey(ofPurpose: entry.purpose) != nil
            values["in_plan_thread"] = preview != nil
            try replies.enqueue(ReplyWriter.Request(
                template: "report_to_dshr", language: environment.configuration.bot.language.rawValue,
                context: { _ in values }, to: environment.configuration.bot.dshr.map { Mailbox(displayName: nil, address: $0) },
                purpose: "report-undeliverable:\(entry.messageID)", inReplyTo: preview, references: preview.map { [$0] } ?? [],
                autoSubmitted: "auto-generated"))
        }
    }

    private func describe(_ report: SendReport) -> String {
        report.perRecipient.sorted { $0.key < $1.key }.compactMap { address, result in
            switch result {
            case .accepted: nil
            case let .temporaryFailure(code, reply), let .permanentFailure(code, reply): "\(address): \(code) \(reply)"
            }
        }.joined(separator: "; ")
    }
}

/// A value the caller promises is safe to use from several threads.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// What the sending threads report back, behind a lock.
private final class SendResults: @unchecked Sendable {
    private let lock = NSLock()
    private var total = OutboxSender.Summary()
    private var error: (any Error)?

    func add(_ summary: OutboxSender.Summary) { lock.withLock { total.add(summary) } }
    func fail(_ error: any Error) { lock.withLock { if self.error == nil { self.error = error } } }
    var hasFailed: Bool { lock.withLock { error != nil } }
    var summary: OutboxSender.Summary { lock.withLock { total } }
    var firstError: (any Error)? { lock.withLock { error } }
}

/// Counts the messages of one round handed over, across the sending threads.
final class SendProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    let total: Int
    let report: (@Sendable (Int, Int) -> Void)?

    init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    func advance(by count: Int) {
        guard let report else { return }
        let now = lock.withLock { done += count; return done }
        report(now, total)
    }
}
