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
        /// The bot's own copies of what it sent, filed into `Sent`.
        public var sentCopies: Int
        public var outcomes: [String: Int]
        public var sent: Int
        public var sendFailures: Int
    }

    let environment: BotEnvironment
    let handler: MessageHandler
    var sender: OutboxSender
    private var imap: IMAPClient?
    private var smtp: SMTPClient?

    public init(environment: BotEnvironment) throws {
        self.environment = environment
        let renderer = try TemplateLibraryRenderer(directory: environment.templatesDirectory)
        handler = MessageHandler(environment: environment, renderer: renderer)
        var sender = OutboxSender(environment: environment, replies: ReplyWriter(environment: environment, renderer: renderer))
        let configuration = environment.configuration
        sender.makeClient = { try SMTPClient(settings: try ServerSettings.smtp(configuration)) }
        self.sender = sender
    }

    /// One poll: every unhandled message, then everything due in the outbox. Keeps the
    /// connections for the next call; `disconnect()` drops them.
    public func poll(shouldStop: () -> Bool = { false }) throws -> PollReport {
        let imap = try connectedIMAP()
        let pass = MailboxPass(environment: environment, handler: handler)
        let summary: MailboxPass.Summary
        do {
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
            let summary = try sender.flush(smtp: smtp, imap: imap, shouldStop: shouldStop)
            _ = try imap.select(environment.configuration.imap.mailbox)
            return summary
        } catch {
            if error is MailError { disconnect() }
            throw error
        }
    }

    /// Told during sending how many messages of the round are done, of how many.
    public var onSendProgress: (@Sendable (_ done: Int, _ total: Int) -> Void)? {
        get { sender.onProgress }
        set { sender.onProgress = newValue }
    }

    /// Waits for new mail: IMAP IDLE where the server has it, else the poll interval (or
    /// `longest`, when shorter: the service's watchdog must hear from the loop in time).
    /// Returns early when `waker` is woken.
    public func waitForMail(waker: IdleWaker?, longest: Duration? = nil) throws {
        let imap = try connectedIMAP()
        _ = try imap.select(environment.configuration.imap.mailbox)
        let timeout = longest.map { min($0, environment.configuration.pollInterval) } ?? environment.configuration.pollInterval
        do {
            _ = try imap.idle(timeout: timeout, waker: waker)
        } catch {
            disconnect()
            throw error
        }
    }

    public func disconnect() {
        imap?.logout()
        imap = nil
        smtp = nil
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
