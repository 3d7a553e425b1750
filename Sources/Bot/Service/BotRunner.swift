import Foundation
import Logging
import Mail
import OAuth
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
    let sender: OutboxSender
    let loginAlert: LoginAlert
    /// OAuth2 access tokens, shared by the IMAP and SMTP connections (nil: passwords only).
    let tokens: TokenCache?
    private var imap: IMAPClient?
    private var smtp: SMTPClient?
    /// When the token a session logged in with is due for renewal: the session is closed and
    /// opened again with a fresh token by then (Exchange Online ends sessions whose token expired).
    private var imapRenewal: Date?
    private var smtpRenewal: Date?

    public init(environment: BotEnvironment) throws {
        self.environment = environment
        let renderer = try TemplateLibraryRenderer(directory: environment.templatesDirectory)
        handler = MessageHandler(environment: environment, renderer: renderer)
        let replies = ReplyWriter(environment: environment, renderer: renderer)
        var sender = OutboxSender(environment: environment, replies: replies)
        let configuration = environment.configuration
        let tokens = ServerSettings.tokenCache(configuration)
        self.tokens = tokens
        sender.makeClient = { try SMTPClient(settings: try ServerSettings.smtp(configuration, tokens: tokens)) }
        self.sender = sender
        loginAlert = LoginAlert(environment: environment, replies: replies)
    }

    /// One poll: every unhandled message, then everything due in the outbox. Keeps the
    /// connections for the next call; `disconnect()` drops them. A failed login is recorded
    /// (and, when it lasts, DSHR and the admins are told: `LoginAlert`) before it is rethrown.
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
        guard try environment.store.outbox.pending(now: environment.now()).contains(where: LoginAlert.isNotAlert) else {
            return .init()
        }
        let smtp = try connectedSMTP()
        do {
            // A login alert goes out only while its failure lasts (`sendAlertNow`); once logging
            // in works again, an alert still queued is withdrawn instead (`recordSuccess`).
            let summary = try sender.flush(smtp: smtp, imap: imap, shouldStop: shouldStop, include: LoginAlert.isNotAlert)
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

    /// Waits for new mail: IMAP IDLE where the server has it, else the poll interval.
    /// Returns early when `waker` is woken, and before the session's token is due for renewal.
    public func waitForMail(waker: IdleWaker?) throws {
        let imap = try connectedIMAP()
        _ = try imap.select(environment.configuration.imap.mailbox)
        let timeout = Self.waitTimeout(pollInterval: environment.configuration.pollInterval, renewal: imapRenewal,
                                       now: environment.now())
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

    public func disconnect() {
        imap?.logout()
        imap = nil
        smtp = nil
        imapRenewal = nil
        smtpRenewal = nil
    }

    /// True when a session logged in with a token that is now due for renewal.
    private func isDue(_ renewal: Date?) -> Bool {
        renewal.map { environment.now() >= $0 } ?? false
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
