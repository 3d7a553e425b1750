import Foundation

/// The kind of a journal event. Open-ended (a string), so that new kinds need no schema change.
public struct JournalEventKind: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
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
    public var at: Date
    public var event: JournalEventKind
    public var messageID: String?
    public var uid: UInt32?
    /// `processed`, `rejected`, `ignored`, `reported` for routed messages.
    public var outcome: String?
    /// The IMAP folder the message was moved to.
    public var folder: String?
    public var from: String?
    public var detail: String?
    /// The archived message's content hash, so that a restart can tell what was handled.
    public var sha256: String?

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
