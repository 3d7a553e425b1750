import Foundation
import Logging
import Mail
import Store

/// The bot's work, driven from one thread: a pass over the mailbox, then the outbox. Blocking
/// (libcurl), so `BotService` runs it off the cooperative thread pool.
public final class BotRunner {
    public struct PollReport: Sendable, Equatable, Codable {
        /// Messages found in the mailbox, the bot's own sent copies not counted.
        public var seen: Int
        /// The bot's own copies of what it sent, filed into Sent (or removed where the server
        /// keeps its own copies there).
        public var sentCopies: Int
        public var outcomes: [String: Int]
        public var sent: Int
        public var sendFailures: Int
        /// Held back because the server throttled (421, 4.7.x): sent later, not failures.
        public var throttled = 0
    }

    let environment: BotEnvironment
    private(set) var handler: MessageHandler
    private(set) var sender: OutboxSender
    private var imap: IMAPClient?
    private var smtp: SMTPClient?
    /// The server's folders, found once per IMAP session.
    private var folders: MailFolders?

    public init(environment: BotEnvironment) throws {
        self.environment = environment
        let renderer = try TemplateLibraryRenderer(directory: environment.templatesDirectory)
        handler = MessageHandler(environment: environment, renderer: renderer)
        let configuration = environment.configuration
        // One pacer for the runner's life: every flush and every sending thread share it, and it
        // starts from what the outbox says was sent (a restart does not reset the limits).
        let limits = SendPacer.Limits(messagesPerMinute: configuration.smtp.maxMessagesPerMinute,
                                      recipientsPerDay: configuration.smtp.maxRecipientsPerDay)
        let pacer = try SendPacer(limits: limits, outbox: environment.store.outbox,
                                  envelopeExtra: configuration.smtp.serverSavesSent == .yes ? 0 : 1)
        var sender = OutboxSender(environment: environment, replies: ReplyWriter(environment: environment, renderer: renderer),
                                  pacer: pacer)
        sender.makeClient = { try SMTPClient(settings: try ServerSettings.smtp(configuration)) }
        self.sender = sender
    }

    /// One poll: every unhandled message, then everything due in the outbox. Keeps the
    /// connections for the next call; `disconnect()` drops them. `shouldStop` must be
    /// thread-safe: the sending threads ask it too (a paced wait ends on a shutdown).
    public func poll(shouldStop: () -> Bool = { false }) throws -> PollReport {
        let imap = try connectedIMAP()
        let summary: MailboxPass.Summary
        do {
            try discoverFolders(imap)
            let pass = MailboxPass(environment: environment, handler: handler)
            summary = try pass.run(imap: imap, shouldStop: shouldStop)
        } catch {
            if error is MailError { disconnect() }
            throw error
        }
        var report = PollReport(seen: summary.seen - summary.sentCopies, sentCopies: summary.sentCopies,
                                outcomes: Dictionary(uniqueKeysWithValues: summary.outcomes.map { ($0.key.rawValue, $0.value) }),
                                sent: 0, sendFailures: 0)
        let sent = try flushOutbox(imap: imap, shouldStop: shouldStop)
        report.sent = sent.sent
        report.sendFailures = sent.temporaryFailures + sent.permanentFailures
        report.throttled = sent.throttled
        return report
    }

    /// Sends what is due in the outbox.
    public func flushOutbox(shouldStop: () -> Bool = { false }) throws -> (sent: Int, failures: Int) {
        let summary = try flushOutbox(imap: try connectedIMAP(), shouldStop: shouldStop)
        return (summary.sent, summary.temporaryFailures + summary.permanentFailures)
    }

    private func flushOutbox(imap: IMAPClient, shouldStop: () -> Bool) throws -> OutboxSender.Summary {
        guard try !environment.store.outbox.pending(now: environment.now()).isEmpty else { return .init() }
        let smtp = try connectedSMTP()
        do {
            try discoverFolders(imap)
            let summary = try sender.flush(smtp: smtp, imap: imap, shouldStop: shouldStop)
            if let messageID = summary.someSentMessageID, sender.folders.serverSavesSent == nil, !shouldStop() {
                try learnServerSavesSent(from: messageID, imap: imap)
            }
            _ = try imap.select(environment.configuration.imap.mailbox)
            return summary
        } catch {
            if error is MailError { disconnect() }
            throw error
        }
    }

    /// Waits for new mail: IMAP IDLE where the server has it, else the poll interval.
    /// Returns early when `waker` is woken.
    public func waitForMail(waker: IdleWaker?) throws {
        let imap = try connectedIMAP()
        _ = try imap.select(environment.configuration.imap.mailbox)
        do {
            _ = try imap.idle(timeout: environment.configuration.pollInterval, waker: waker)
        } catch {
            disconnect()
            throw error
        }
    }

    public func disconnect() {
        imap?.logout()
        imap = nil
        smtp = nil
        folders = nil
    }

    /// The Sent folder and the personal namespace as the server has them, once per session;
    /// what `auto` learned about the server's Sent copies comes from the store.
    private func discoverFolders(_ imap: IMAPClient) throws {
        guard folders == nil else { return }
        let configuration = environment.configuration
        let server = try imap.discoverFolders(sentFallback: configuration.imap.sentFolder)
        let learned = try environment.store.mailbox.load(mailbox: configuration.imap.mailbox).serverSavesSent
        let found = MailFolders(configuration: configuration, server: server, learned: learned)
        folders = found
        handler.folders = found
        sender.folders = found
        if !server.sentIsSpecialUse {
            environment.logger.info("the server marks no folder \\Sent; using \(found.sent) (imap.sent_folder)")
        }
    }

    /// `smtp.server_saves_sent: auto`: learns from the message just sent whether the server
    /// files its own Sent copies, and remembers it in the store's mailbox state.
    private func learnServerSavesSent(from messageID: String, imap: IMAPClient) throws {
        guard let saves = try sender.learnServerSavesSent(from: messageID, imap: imap) else {
            environment.logger.warning("no copy of <\(messageID)> turned up in \(sender.folders.inbox) or \(sender.folders.sent) within \(Int(sender.inFlightGrace)) s; whether the server keeps its own Sent copies is asked again after the next message")
            return
        }
        let mailbox = environment.configuration.imap.mailbox
        var state = try environment.store.mailbox.load(mailbox: mailbox)
        state.serverSavesSent = saves
        try environment.store.mailbox.save(state, mailbox: mailbox)
        folders?.serverSavesSent = saves
        handler.folders.serverSavesSent = saves
        sender.folders.serverSavesSent = saves
        environment.logger.notice(saves
            ? "the server files a copy of every message sent into \(sender.folders.sent) itself: the bot sends no copies to its own mailbox from now on (smtp.server_saves_sent: auto)"
            : "the server does not keep copies of what is sent: the bot's own copies are filed into \(sender.folders.sent) (smtp.server_saves_sent: auto)")
    }

    private func connectedIMAP() throws -> IMAPClient {
        if let imap { return imap }
        var limits = IMAPLimits()
        // Larger messages are not fetched at all: they arrive as `.tooLarge` and are refused.
        limits.maxMessageBytes = environment.configuration.limits.maxMessageBytes
        let client = try IMAPClient(settings: try ServerSettings.imap(environment.configuration), limits: limits,
                                    logger: environment.logger)
        imap = client
        return client
    }

    private func connectedSMTP() throws -> SMTPClient {
        if let smtp { return smtp }
        let client = try SMTPClient(settings: try ServerSettings.smtp(environment.configuration))
        smtp = client
        return client
    }
}
