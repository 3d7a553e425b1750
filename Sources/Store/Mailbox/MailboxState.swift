public import Foundation

/// Where the bot is in one IMAP mailbox: what it has handled, and how the last poll went.
public struct MailboxState: Codable, Equatable, Sendable {
    /// The server's UIDVALIDITY when `lastUID` was recorded; UIDs mean nothing under another one.
    public var uidValidity: UInt32?
    /// The highest UID whose message the store has and the bot has finished.
    public var lastUID: UInt32?
    /// When the last poll of this mailbox finished.
    public var lastPollAt: Date?
    /// The last poll's error, nil after a success.
    public var lastError: String?
    /// When `lastError` happened.
    public var lastErrorAt: Date?
    /// Since when logging in (or getting a token for it) has failed without a success between;
    /// nil while logins work.
    public var loginFailingSince: Date?
    /// Why the last login failed (the token endpoint's or the server's words).
    public var loginFailure: String?
    /// When DSHR and the admins were told about the current failure (once per failure).
    public var loginAlertedAt: Date?
    /// What the bot learned about the server (`smtp.server_saves_sent: auto`): true when it
    /// files a copy of every submitted message into its Sent folder by itself; nil: not known yet.
    public var serverSavesSent: Bool?

    /// A state with the given fields; the empty one means "never polled".
    public init(
        uidValidity: UInt32? = nil, lastUID: UInt32? = nil, lastPollAt: Date? = nil,
        lastError: String? = nil, lastErrorAt: Date? = nil
    ) {
        self.uidValidity = uidValidity
        self.lastUID = lastUID
        self.lastPollAt = lastPollAt
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
    }

    /// The state to use with the server's current UIDVALIDITY. When it changed, the UIDs were
    /// renumbered: the mailbox is rescanned from the start, and the archive's content index
    /// keeps already-stored messages from being stored or answered twice.
    public func adopting(uidValidity current: UInt32) -> MailboxState {
        var next = self
        if uidValidity != current {
            next.uidValidity = current
            next.lastUID = nil
        }
        return next
    }

    enum CodingKeys: String, CodingKey {
        case uidValidity = "uid_validity"
        case lastUID = "last_uid"
        case lastPollAt = "last_poll_at"
        case lastError = "last_error"
        case lastErrorAt = "last_error_at"
        case loginFailingSince = "login_failing_since"
        case loginFailure = "login_failure"
        case loginAlertedAt = "login_alerted_at"
        case serverSavesSent = "server_saves_sent"
    }
}
