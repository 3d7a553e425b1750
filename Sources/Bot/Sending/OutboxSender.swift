import Foundation
import Logging
import Mail
import Store

/// Sends what the outbox holds, exactly once as far as a mail system allows: an in-flight mark
/// is written (fsync) before SMTP, the message is appended to `Sent` after the server took it,
/// and a message found in flight after a crash is looked up in `Sent` by its Message-ID before
/// it is sent again. 4xx → retried with backoff; 5xx → failed, and DSHR is told.
struct OutboxSender {
    struct Summary: Sendable, Equatable {
        var sent = 0
        var temporaryFailures = 0
        var permanentFailures = 0
        var foundAlreadySent = 0
    }

    static let sentFolder = "Sent"

    let environment: BotEnvironment

    private var inFlightDirectory: URL {
        environment.store.outbox.directory.appendingPathComponent("inflight")
    }

    /// Sends every due entry. Throws when the SMTP or IMAP server cannot be used at all (the
    /// caller backs off); failures of single messages are recorded and do not throw.
    func flush(smtp: SMTPClient, imap: IMAPClient, shouldStop: () -> Bool = { false }) throws -> Summary {
        var summary = Summary()
        let pending = try environment.store.outbox.pending(now: environment.now())
        guard !pending.isEmpty else { return summary }
        try FileManager.default.createDirectory(at: inFlightDirectory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try imap.createIfMissing(Self.sentFolder)
        for entry in pending {
            if shouldStop() { break }
            let marker = inFlightDirectory.appendingPathComponent(SHA256.hex(Data(entry.messageID.utf8)))
            if FileManager.default.fileExists(atPath: marker.path),
               try isInSent(entry.messageID, imap: imap) {
                try environment.store.outbox.markSent(messageID: entry.messageID, at: environment.now())
                try? FileManager.default.removeItem(at: marker)
                summary.foundAlreadySent += 1
                continue
            }
            let raw = try environment.store.outbox.raw(messageID: entry.messageID)
            try AtomicFile.write(Data(), to: marker)
            let report: SendReport
            switch Result(catching: { () throws(MailError) -> SendReport in
                try smtp.send(raw, from: environment.configuration.bot.address, to: entry.recipients)
            }) {
            case let .success(value):
                report = value
            case let .failure(error):
                if case .messageRefused = error {
                    try recordFailure(entry, reason: error.description, permanent: true, marker: marker)
                    summary.permanentFailures += 1
                    continue
                }
                try? FileManager.default.removeItem(at: marker)
                try environment.store.outbox.markFailed(messageID: entry.messageID, reason: error.description,
                                                        permanent: false, now: environment.now())
                throw error
            }
            if report.accepted.isEmpty {
                let temporary = report.perRecipient.values.contains { if case .temporaryFailure = $0 { true } else { false } }
                try recordFailure(entry, reason: describe(report), permanent: !temporary, marker: marker)
                if temporary { summary.temporaryFailures += 1 } else { summary.permanentFailures += 1 }
                continue
            }
            _ = try imap.append(raw, to: Self.sentFolder, flags: ["\\Seen"])
            try environment.store.outbox.markSent(messageID: entry.messageID, at: environment.now())
            try? FileManager.default.removeItem(at: marker)
            try environment.store.journal.append(JournalEvent(
                at: environment.now(), event: .sent, messageID: entry.messageID,
                detail: "\(entry.purpose) to \(report.accepted.joined(separator: ", "))"
                    + (report.refused.isEmpty ? "" : "; refused: \(describe(report))")))
            summary.sent += 1
        }
        return summary
    }

    private func isInSent(_ messageID: String, imap: IMAPClient) throws -> Bool {
        _ = try imap.select(Self.sentFolder, readOnly: true)
        defer { _ = try? imap.select(environment.configuration.imap.mailbox) }
        return !(try imap.searchUIDs(header: "Message-ID", value: messageID)).isEmpty
    }

    private func recordFailure(_ entry: OutboxEntry, reason: String, permanent: Bool, marker: URL) throws {
        try? FileManager.default.removeItem(at: marker)
        let updated = try environment.store.outbox.markFailed(messageID: entry.messageID, reason: reason,
                                                              permanent: permanent, now: environment.now())
        try environment.store.journal.append(JournalEvent(
            at: environment.now(), event: .sendFailed, messageID: entry.messageID,
            detail: "\(entry.purpose): \(reason) (\(updated.state.name))"))
        environment.logger.warning("could not send \(entry.purpose) <\(entry.messageID)>: \(reason)")
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
