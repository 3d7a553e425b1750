import Digest
import Foundation
import Logging
import MIME
import Mail
import Store

/// Sends what the outbox holds, exactly once as far as SMTP allows.
///
/// SMTP commits when the server answers 250 to the final dot, and a client killed just before
/// it reads that answer cannot know whether the server took the message. So every message also
/// goes, by envelope only, to the bot's own mailbox: that copy is the server's own record of
/// what it accepted. An in-flight mark is written (fsync) before SMTP; after a crash, an
/// in-flight message is sent again only if no copy of it reached the bot's mailbox within a
/// grace period. The copies are filed into `Sent` by the intake. 4xx → retried with backoff;
/// 5xx → failed, and DSHR is told.
struct OutboxSender {
    struct Summary: Sendable, Equatable {
        var sent = 0
        var temporaryFailures = 0
        var permanentFailures = 0
        var foundAlreadySent = 0

        mutating func add(_ other: Summary) {
            sent += other.sent
            temporaryFailures += other.temporaryFailures
            permanentFailures += other.permanentFailures
            foundAlreadySent += other.foundAlreadySent
        }
    }

    static let sentFolder = "Sent"

    let environment: BotEnvironment
    /// Queues DSHR's note about a message that can never be delivered.
    let replies: ReplyWriter
    /// Opens another SMTP connection, for sending many messages at once (nil: one connection).
    var makeClient: (@Sendable () throws -> SMTPClient)?
    /// At most this many connections at once (Postfix's smtpd handles a few in parallel well).
    var connections = 4
    /// A connection is added for every this many messages.
    var parallelThreshold = 25
    /// How long Postfix to deliver the bot's copy of a message sent before a crash.
    var inFlightGrace: TimeInterval = 20

    private var inFlightDirectory: URL {
        environment.store.outbox.directory.appendingPathComponent("inflight")
    }

    private var botAddress: String { environment.configuration.bot.address.lowercased() }

    /// Sends every due entry. Throws when the SMTP or IMAP server cannot be used at all (the
    /// caller backs off); failures of single messages are recorded and do not throw.
    func flush(smtp: SMTPClient, imap: IMAPClient, shouldStop: () -> Bool = { false }) throws -> Summary {
        var summary = Summary()
        // Sending can queue more (DSHR's note about an undeliverable message): a few rounds take
        // those along; what is still due after them waits for the next pass.
        for _ in 0..<3 {
            let pending = try environment.store.outbox.pending(now: environment.now())
            guard !pending.isEmpty, !shouldStop() else { break }
            try flush(pending, smtp: smtp, imap: imap, summary: &summary, shouldStop: shouldStop)
        }
        return summary
    }

    private func flush(_ pending: [OutboxEntry], smtp: SMTPClient, imap: IMAPClient, summary: inout Summary,
                       shouldStop: () -> Bool) throws {
        try FileManager.default.createDirectory(at: inFlightDirectory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        // First what a crash left in flight: sent again only if no copy reached the mailbox.
        var toSend: [OutboxEntry] = []
        for entry in pending {
            let marker = marker(for: entry)
            if FileManager.default.fileExists(atPath: marker.path),
               try copyArrived(entry.messageID, imap: imap, markedAt: Self.modificationDate(marker)) {
                try environment.store.outbox.markSent(messageID: entry.messageID, at: environment.now())
                try? FileManager.default.removeItem(at: marker)
                summary.foundAlreadySent += 1
            } else {
                toSend.append(entry)
            }
        }
        // Many messages (announcements, a backlog of receipts) go over several connections at
        // once: the server's round trips, not the bot, are what limit one connection.
        let workers = toSend.count >= 2 * parallelThreshold ? max(1, min(connections, toSend.count / parallelThreshold)) : 1
        guard workers > 1, let makeClient else {
            try send(toSend, over: smtp, shouldStop: shouldStop, into: &summary)
            return
        }
        let results = SendResults()
        let stop = shouldStop()
        let entries = toSend
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            // One SMTP client per thread: a libcurl handle is confined to the thread that uses it.
            let client: SMTPClient
            do { client = try makeClient() } catch { return results.fail(error) }
            var mine = Summary()
            defer { results.add(mine) }
            let share = stride(from: worker, to: entries.count, by: workers).map { entries[$0] }
            do {
                try send(share, over: client, shouldStop: { stop || results.hasFailed }, into: &mine)
            } catch {
                results.fail(error)
            }
        }
        summary.add(results.summary)
        if let error = results.firstError { throw error }
    }

    private func marker(for entry: OutboxEntry) -> URL {
        inFlightDirectory.appendingPathComponent(SHA256.hexDigest(Data(entry.messageID.utf8)))
    }

    /// Sends `entries` over one connection and records what happened to each. The client
    /// pipelines them (RFC 2920), so they are handed over a batch at a time (bounded memory).
    /// Throws when the connection is unusable; what was recorded before stays in `summary`.
    private func send(_ entries: [OutboxEntry], over smtp: SMTPClient, shouldStop: () -> Bool,
                      into summary: inout Summary) throws {
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
        }
    }

    /// Messages handed to the SMTP client at a time, and their bytes at most (one message may
    /// exceed it alone). Pipelining needs only the next message at hand, and up to four
    /// connections send at once: a megabyte each keeps a backlog of long receipts (60 KB for
    /// 360 people) from adding tens of megabytes to the bot's memory.
    static let batchCount = 50
    static let batchBytes = 1024 * 1024

    /// The bot's own address goes into every envelope: its copy is the record of what was sent.
    private func envelope(for entry: OutboxEntry) -> [String] {
        entry.recipients.contains(botAddress) ? entry.recipients : entry.recipients + [botAddress]
    }

    private struct StopRequested: Error {}

    private func send(_ batch: [OutboxEntry], _ messages: [SMTPMessage], over smtp: SMTPClient,
                      shouldStop: () -> Bool, into summary: inout Summary) throws {
        var inFlight: Set<Int> = []
        var recorded = Summary()
        defer { summary.add(recorded) }
        do {
            try smtp.send(messages, willSend: { index in
                if shouldStop() { throw StopRequested() }
                // The in-flight mark is written (fsync) before the message's first byte leaves.
                try AtomicFile.write(Data(), to: marker(for: batch[index]))
                inFlight.insert(index)
            }, didSend: { index, outcome in
                // Only now is the outcome known: a 2xx after the data (or every recipient refused).
                inFlight.remove(index)
                recorded.add(try record(outcome, for: batch[index]))
            })
        } catch is StopRequested {
            // Messages already started were finished and recorded; the rest wait for the next pass.
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
    private func record(_ outcome: Result<SendReport, MailError>, for entry: OutboxEntry) throws -> Summary {
        var summary = Summary()
        let marker = marker(for: entry)
        let report: SendReport
        switch outcome {
        case let .success(value):
            report = value
        case let .failure(error):
            // The message as a whole was refused (MAIL FROM, DATA, the end of data), or an
            // address can never be put into an envelope: retrying cannot help.
            try recordFailure(entry, reason: error.description, permanent: true, marker: marker)
            summary.permanentFailures += 1
            return summary
        }
        let delivered = report.accepted.filter { $0.lowercased() != botAddress || entry.recipients.contains(botAddress) }
        if delivered.isEmpty {
            let temporary = report.perRecipient.contains { address, result in
                guard address.lowercased() != botAddress else { return false }
                if case .temporaryFailure = result { return true } else { return false }
            }
            try recordFailure(entry, reason: describe(report), permanent: !temporary, marker: marker)
            if temporary { summary.temporaryFailures += 1 } else { summary.permanentFailures += 1 }
            return summary
        }
        try environment.store.outbox.markSent(messageID: entry.messageID, at: environment.now())
        try? FileManager.default.removeItem(at: marker)
        try environment.store.journal.append(JournalEvent(
            at: environment.now(), event: .sent, messageID: entry.messageID,
            detail: "\(entry.purpose) to \(delivered.joined(separator: ", "))"
                + (report.refused.isEmpty ? "" : "; refused: \(describe(report))")))
        summary.sent += 1
        return summary
    }

    /// Whether the bot's copy of a message sent before a crash is in its mailbox, waiting up to
    /// the grace period (counted from the in-flight mark) for Postfix to deliver it.
    private func copyArrived(_ messageID: String, imap: IMAPClient, markedAt: Date) throws -> Bool {
        let deadline = markedAt.addingTimeInterval(inFlightGrace)
        defer { _ = try? imap.select(environment.configuration.imap.mailbox) }
        while true {
            for folder in [environment.configuration.imap.mailbox, Self.sentFolder] {
                guard (try? imap.select(folder, readOnly: true)) != nil else { continue }
                if !(try imap.searchUIDs(header: "Message-ID", value: messageID)).isEmpty { return true }
            }
            guard Date() < deadline else { return false }
            Thread.sleep(forTimeInterval: 0.5)
        }
    }

    private static func modificationDate(_ url: URL) -> Date {
        (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? .distantPast
    }

    private func recordFailure(_ entry: OutboxEntry, reason: String, permanent: Bool, marker: URL) throws {
        try? FileManager.default.removeItem(at: marker)
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
            let values = ReportContext(reason: .bounce, message: noted, failedRecipient: entry.recipients.joined(separator: ", "),
                                       bouncedSubject: entry.subject).values()
            try replies.enqueue(ReplyWriter.Request(
                template: "report_to_dshr", language: environment.configuration.bot.language.rawValue,
                context: { _ in values }, to: environment.configuration.bot.dshr.map { Mailbox(displayName: nil, address: $0) },
                purpose: "report-undeliverable:\(entry.messageID)", autoSubmitted: "auto-generated"))
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
