import Config
import Curl
import Foundation
import Logging
import Mail
import MIME
import Store

/// Issue 18, item 7: a person hears of it when the bot cannot log in. A failed login or token
/// request is recorded in the mailbox state (`cpdbot status` shows since when and why) and
/// logged at error level; once it has lasted `alerts.after_minutes`, or at once when a person
/// must act (a secret file missing or unreadable, a secret the token endpoint refused), DSHR and
/// `bot.admin` are sent one alert (purpose `alert:login:<start of the failure>`: one per failure).
struct LoginAlert {
    static let purposePrefix = "alert:login:"

    /// A failure that is about logging in: why, and whether waiting can help.
    struct Failure: Equatable {
        var reason: String
        /// True when only a person can fix it: alert without waiting.
        var needsAttentionNow: Bool
    }

    /// What `error` says about logging in (pure); nil for any other error (a server that does
    /// not answer, a broken connection, the store).
    static func failure(in error: any Error) -> Failure? {
        switch error {
        case MailError.tokenUnavailable(let failure):
            return Failure(reason: failure.description, needsAttentionNow: failure.needsAttentionNow)
        case MailError.transport(let transport) where transport.kind == .loginDenied:
            return Failure(reason: transport.description, needsAttentionNow: false)
        case let error as ConfigurationError:
            // A password or secret file that is missing, unreadable or readable by others.
            return Failure(reason: error.description, needsAttentionNow: true)
        default:
            return nil
        }
    }

    /// True for every outbox entry but a login alert.
    static func isNotAlert(_ entry: OutboxEntry) -> Bool { !entry.purpose.hasPrefix(purposePrefix) }

    /// Whether the current failure's alert is queued but not sent yet (SMTP failed too).
    func hasUnsentAlert() throws -> Bool {
        let state = try environment.store.mailbox.load(mailbox: mailbox)
        guard let since = state.loginFailingSince, state.loginAlertedAt != nil else { return false }
        let purpose = Self.purposePrefix + since.formatted(.iso8601)
        return try environment.store.outbox.all().contains { entry in
            guard entry.purpose == purpose else { return false }
            switch entry.state {
            case .queued, .failedTemporary, .throttled: return true
            case .sent, .failedPermanent: return false
            }
        }
    }

    /// Whether the failure that began at `since` is due for its alert at `now` (pure).
    static func isDue(since: Date, now: Date, failure: Failure, alreadyAlerted: Bool, afterMinutes: Int) -> Bool {
        guard !alreadyAlerted else { return false }
        return failure.needsAttentionNow || now.timeIntervalSince(since) >= TimeInterval(afterMinutes * 60)
    }

    let environment: BotEnvironment
    let replies: ReplyWriter

    private var mailbox: String { environment.configuration.imap.mailbox }

    /// Records a failed attempt; returns true when an alert was queued just now.
    func recordFailure(_ error: any Error) throws -> Bool {
        guard let failure = Self.failure(in: error) else { return false }
        let now = environment.now()
        var state = try environment.store.mailbox.load(mailbox: mailbox)
        let since = state.loginFailingSince ?? now
        state.loginFailingSince = since
        state.loginFailure = failure.reason
        let due = Self.isDue(since: since, now: now, failure: failure, alreadyAlerted: state.loginAlertedAt != nil,
                             afterMinutes: environment.configuration.alerts.afterMinutes)
        let recipients = environment.configuration.bot.dshr + environment.configuration.bot.admin.filter {
            !environment.configuration.bot.dshr.contains($0)
        }
        if due {
            state.loginAlertedAt = now
            let told = recipients.isEmpty ? "nobody to tell by mail (set bot.dshr or bot.admin)"
                : "telling \(recipients.joined(separator: ", ")) by mail"
            environment.logger.error("cannot log in since \(since.formatted(.iso8601)): \(failure.reason); \(told)")
        } else {
            environment.logger.error("cannot log in: \(failure.reason)")
        }
        try environment.store.mailbox.save(state, mailbox: mailbox)
        guard due, !recipients.isEmpty else { return false }
        let values = Self.values(since: since, reason: failure.reason, configuration: environment.configuration)
        try replies.enqueue(ReplyWriter.Request(
            template: "login_alert", language: environment.configuration.bot.language.rawValue,
            context: { _ in values }, to: recipients.map { Mailbox(displayName: nil, address: $0) },
            purpose: Self.purposePrefix + since.formatted(.iso8601), autoSubmitted: "auto-generated"))
        try environment.store.journal.append(JournalEvent(at: now, event: .error, detail: "alert for DSHR and the admins: \(failure.reason)"))
        return true
    }

    /// A poll went through: the failure, if any, is over.
    func recordSuccess() throws {
        var state = try environment.store.mailbox.load(mailbox: mailbox)
        guard let since = state.loginFailingSince else { return }
        environment.logger.notice("logging in works again (it failed since \(since.formatted(.iso8601)))")
        // An alert that could not go out (SMTP failed too) would now only confuse: withdraw it.
        let purpose = Self.purposePrefix + since.formatted(.iso8601)
        for entry in try environment.store.outbox.all() where entry.purpose == purpose {
            switch entry.state {
            case .queued, .failedTemporary, .throttled:
                _ = try environment.store.outbox.markFailed(
                    messageID: entry.messageID, reason: "withdrawn: logging in worked again before the alert could be sent",
                    permanent: true, now: environment.now())
            case .sent, .failedPermanent:
                break
            }
        }
        state.loginFailingSince = nil
        state.loginFailure = nil
        state.loginAlertedAt = nil
        try environment.store.mailbox.save(state, mailbox: mailbox)
    }

    /// The template's values (pure).
    static func values(since: Date, reason: String, configuration: CPDBotConfiguration) -> [String: Any] {
        [
            // Written in the reader's language on the university's clock ("15 января 2027 г., 13:00").
            "since": MailTimestamp(since, in: configuration.bot.timeZone),
            "reason": reason,
            "mailbox": configuration.imap.user,
            "uses_oauth2": configuration.usesOAuth2,
            // Named as the administrator types them, whatever the reader's language.
            "secret_file_key": "oauth2.client_secret_file",
            "status_command": "cpdbot status",
        ]
    }
}
