import Config
import Foundation
import Intake
import Logging
public import Mail
import OAuth
import Store

/// The bot's work, driven from one thread: a pass over the mailbox, then the outbox. Blocking
/// (libcurl), so `BotService` runs it off the cooperative thread pool.
public final class BotRunner {
    /// What one poll did (`cpdbot poll` prints it).
    public struct PollReport: Sendable, Equatable, Codable {
        /// Messages found in the mailbox, the bot's own sent copies not counted.
        public var seen: Int
        /// The bot's own copies of what it sent, filed into Sent (or removed where the server
        /// keeps its own copies there).
        public var sentCopies: Int
        /// Messages handled, per outcome (`processed`, `rejected`, `ignored`, `reported`).
        public var outcomes: [String: Int]
        /// Messages the SMTP server accepted.
        public var sent: Int
        /// Messages whose sending failed (retried later unless permanent).
        public var sendFailures: Int
        /// Held back because the server throttled (421, 4.7.x): sent later, not failures.
        public var throttled = 0
    }

    let environment: BotEnvironment
    private(set) var handler: MessageHandler
    private(set) var sender: OutboxSender
    let loginAlert: LoginAlert
    /// Disk, failed outbox, calendar and §7.7 alerts, looked at every poll (`ServiceAlertDesk`).
    let serviceAlerts: ServiceAlertDesk
    /// OAuth2 access tokens, shared by the IMAP and SMTP connections (nil: passwords only).
    let tokens: TokenCache?
    private var imap: IMAPClient?
    private var smtp: SMTPClient?
    /// When the token a session logged in with is due for renewal: the session is closed and
    /// opened again with a fresh token by then (Exchange Online ends sessions whose token expired).
    private var imapRenewal: Date?
    private var smtpRenewal: Date?
    /// The server's folders, found once per IMAP session.
    private var folders: MailFolders?

    /// A runner for `environment`: reads the templates and what the outbox sent (for pacing); connects on the first poll, not here.
    public init(environment: BotEnvironment) throws {
        self.environment = environment
        let renderer = try TemplateLibraryRenderer(directory: environment.templatesDirectory,
                                                   signature: MailSignature(environment.configuration.signature))
        handler = MessageHandler(environment: environment, renderer: renderer)
        let replies = ReplyWriter(environment: environment, renderer: renderer)
        let configuration = environment.configuration
        let tokens = ServerSettings.tokenCache(configuration)
        self.tokens = tokens
        // One pacer for the runner's life: every flush and every sending thread share it, and it
        // starts from what the outbox says was sent (a restart does not reset the limits).
        let limits = SendPacer.Limits(messagesPerMinute: configuration.smtp.maxMessagesPerMinute,
                                      recipientsPerDay: configuration.smtp.maxRecipientsPerDay,
                                      timeZone: configuration.bot.timeZone)
        let pacer = try SendPacer(limits: limits, outbox: environment.store.outbox,
                                  envelopeExtra: configuration.smtp.serverSavesSent == .yes ? 0 : 1)
        var sender = OutboxSender(environment: environment, replies: replies, pacer: pacer)
        sender.makeClient = { try SMTPClient(settings: try ServerSettings.smtp(configuration, tokens: tokens)) }
        self.sender = sender
        loginAlert = LoginAlert(environment: environment, replies: replies)
        serviceAlerts = ServiceAlertDesk(environment: environment, replies: replies)
    }

    /// One poll: every unhandled message, then everything due in the outbox. Keeps the
    /// connections for the next call; `disconnect()` drops them. A failed login is recorded
    /// (and, when it lasts, DSHR and the admins are told: `LoginAlert`) before it is rethrown.
    /// connections for the next call; `disconnect()` drops them. `shouldStop` must be
    /// thread-safe: the sending threads ask it too (a paced wait ends on a shutdown).
    public func poll(shouldStop: () -> Bool = { false }) throws -> PollReport {
        do {
            let report = try pollOnce(shouldStop: shouldStop)
            try loginAlert.recordSuccess()
            return report
        } catch {
            do {
                // Only a failed login has an alert to send (or to try again: SMTP may work now).
                if LoginAlert.failure(in: error) != nil, try loginAlert.recordFailure(error) || loginAlert.hasUnsentAlert() {
                    sendAlertNow()
                }
            } catch let storeError {
                environment.logger.error("could not record the failed login in the store: \(storeError)")
            }
            throw error
        }
    }

    private func pollOnce(shouldStop: () -> Bool) throws -> PollReport {
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
        // Before the flush, so that an alert found now goes out in this poll.
        serviceAlerts.lookAndTell()
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
        guard try environment.store.outbox.pending(now: environment.now()).contains(where: LoginAlert.isNotAlert) else {
            return .init()
        }
        let smtp = try connectedSMTP()
        do {
            try discoverFolders(imap)
            // A login alert goes out only while its failure lasts (`sendAlertNow`); once logging
            // in works again, an alert still queued is withdrawn instead (`recordSuccess`).
            let summary = try sender.flush(smtp: smtp, imap: imap, shouldStop: shouldStop, include: LoginAlert.isNotAlert)
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

    /// The login alert goes out now if SMTP works, even when the mailbox cannot be logged in to
    /// (tried again at every failed poll while it is unsent).
    private func sendAlertNow() {
        do {
            _ = try sender.flush(smtp: try connectedSMTP(), imap: imap.flatMap { $0.isUsable ? $0 : nil },
                                 include: { !LoginAlert.isNotAlert($0) })
        } catch {
            smtp = nil
            smtpRenewal = nil
            environment.logger.error("the login alert could not be sent by mail (it stays in the outbox): \(error)")
        }
    }

    /// Told during sending how many messages of the round are done, of how many.
    public var onSendProgress: (@Sendable (_ done: Int, _ total: Int) -> Void)? {
        get { sender.onProgress }
        set { sender.onProgress = newValue }
    }

    /// Waits for new mail: IMAP IDLE where the server has it, else the poll interval – or less:
    /// before the session's token is due for renewal, and within `longest` (the service's
    /// watchdog must hear from the loop in time). Returns early when `waker` is woken.
    public func waitForMail(waker: IdleWaker?, longest: Duration? = nil) throws {
        let imap = try connectedIMAP()
        _ = try imap.select(environment.configuration.imap.mailbox)
        let untilRenewal = Self.waitTimeout(pollInterval: environment.configuration.pollInterval, renewal: imapRenewal,
                                            now: environment.now())
        let timeout = longest.map { min($0, untilRenewal) } ?? untilRenewal
        do {
            _ = try imap.idle(timeout: timeout, waker: waker)
        } catch {
            disconnect()
            throw error
        }
    }

    /// The poll interval, or less when the session's token is due for renewal sooner (pure).
    static func waitTimeout(pollInterval: Duration, renewal: Date?, now: Date) -> Duration {
        guard let renewal else { return pollInterval }
        let untilRenewal = Duration.milliseconds(Int64(max(1, renewal.timeIntervalSince(now)) * 1000))
        return min(pollInterval, untilRenewal)
    }

    /// Keeps a failure of `poll` or `run` for `cpdbot status`: first where a full disk cannot
    /// lose it (`FailureRecord`), then in the mailbox state and the journal when they can be written.
    public static func record(_ error: any Error, environment: BotEnvironment) {
        let text = "\(error)"
        try? environment.store.failure.record(text, at: environment.now())
        let mailbox = environment.configuration.imap.mailbox
        guard var state = try? environment.store.mailbox.load(mailbox: mailbox) else { return }
        state.lastError = text
        state.lastErrorAt = environment.now()
        try? environment.store.mailbox.save(state, mailbox: mailbox)
        try? environment.store.journal.append(JournalEvent(at: environment.now(), event: .error, detail: text))
    }

    /// Logs out of IMAP and drops the connections; the next poll connects again.
    public func disconnect() {
        imap?.logout()
        imap = nil
        smtp = nil
        imapRenewal = nil
        smtpRenewal = nil
        folders = nil
    }

    /// True when a session logged in with a token that is now due for renewal.
    private func isDue(_ renewal: Date?) -> Bool {
        renewal.map { environment.now() >= $0 } ?? false
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
        if let imap {
            guard isDue(imapRenewal) else { return imap }
            environment.logger.debug("IMAP session's token is due for renewal: logging in again")
            imap.logout()
            self.imap = nil
        }
        var limits = IMAPLimits()
        // Larger messages are not fetched at all: they arrive as `.tooLarge` and are refused.
        limits.maxMessageBytes = environment.configuration.limits.maxMessageBytes
        let client = try IMAPClient(settings: try ServerSettings.imap(environment.configuration, tokens: tokens), limits: limits,
                                    logger: environment.logger)
        imap = client
        imapRenewal = environment.configuration.imap.auth == .oauth2 ? tokens?.renewalDate : nil
        return client
    }

    private func connectedSMTP() throws -> SMTPClient {
        if let smtp, !isDue(smtpRenewal) { return smtp }
        let client = try SMTPClient(settings: try ServerSettings.smtp(environment.configuration, tokens: tokens))
        smtp = client
        // SMTPClient logs in on its first send; the token it gets then is at least as fresh.
        smtpRenewal = environment.configuration.smtp.auth == .oauth2 ? tokens?.renewalDate ?? environment.now() : nil
        return client
    }
}
