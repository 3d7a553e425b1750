public import Foundation

/// The kind of a journal event. Open-ended (a string), so that new kinds need no schema change.
public struct JournalEventKind: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral {
    /// The kind as written in the journal (`received`, `sent`, `send_failed`, …).
    public let rawValue: String
    /// A kind from its journal spelling; unknown kinds are kept, not refused.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Lets code write `.init("received")` as `"received"`.
    public init(stringLiteral value: String) { self.rawValue = value }
    /// Reads the kind as a bare JSON string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    /// Writes the kind as a bare JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// A message was fetched and archived.
    public static let received: Self = "received"
    /// The sender's `Date:` lies more than a day from the server's time of receipt; `detail`
    /// gives both. The server's time is the one that counts.
    public static let dateSkew: Self = "date_skew"
    /// A message got its outcome (processed, rejected, ignored, reported) and folder.
    public static let routed: Self = "routed"
    /// An outgoing message was handed to SMTP and accepted.
    public static let sent: Self = "sent"
    /// SMTP refused or could not be reached; `detail` says why.
    public static let sendFailed: Self = "send_failed"
    /// A delivery status notification came back for one of our messages.
    public static let bounced: Self = "bounced"
    /// One poll of the mailbox finished.
    public static let poll: Self = "poll"
    /// Something failed that is not tied to one message (server unreachable, store error).
    public static let error: Self = "error"
}

/// One line of `journal.jsonl`. Never holds credentials: `detail` is redacted on the way in.
public struct JournalEvent: Codable, Equatable, Sendable {
    /// When it happened.
    public var at: Date
    /// What happened.
    public var event: JournalEventKind
    /// The Message-ID of the message concerned, in angle brackets.
    public var messageID: String?
    /// The IMAP UID of an incoming message (RFC 9051 §2.3.1.1); nil for outgoing ones.
    public var uid: UInt32?
    /// `processed`, `rejected`, `ignored`, `reported` for routed messages.
    public var outcome: String?
    /// The IMAP folder the message was moved to.
    public var folder: String?
    /// The sender's address (personal data: purged after `retention.journal_personal_days`).
    public var from: String?
    /// A short explanation, redacted of credentials before it is stored.
    public var detail: String?
    /// The archived message's content hash, so that a restart can tell what was handled.
    public var sha256: String?

    /// An event stamped now unless `at` is given.
    public init(
        at: Date = Date(), event: JournalEventKind, messageID: String? = nil, uid: UInt32? = nil,
        outcome: String? = nil, folder: String? = nil, from: String? = nil, detail: String? = nil,
        sha256: String? = nil
    ) {
        self.at = at
        self.event = event
        self.messageID = messageID
        self.uid = uid
        self.outcome = outcome
        self.folder = folder
        self.from = from
        self.detail = detail.map(CredentialRedactor.redact)
        self.sha256 = sha256
    }

    enum CodingKeys: String, CodingKey {
        case at, event, uid, outcome, folder, from, detail, sha256
        case messageID = "message_id"
    }
}
