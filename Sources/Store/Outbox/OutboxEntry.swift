public import Foundation

/// One outgoing message: `outbox/<key>.json`, with the raw bytes beside it in `outbox/<key>.eml`.
public struct OutboxEntry: Codable, Equatable, Sendable {
    /// The stable Message-ID (without angle brackets): the same purpose always gets the same one,
    /// so that the bot can look for it in the IMAP `Sent` folder before any resend.
    public let messageID: String
    /// What the message is for (e.g. `receipt:<incoming message id>`), chosen by the caller.
    public let purpose: String
    /// Who the message goes to (the SMTP envelope recipients).
    public let recipients: [String]
    /// The subject, for listings and status; nil when the caller gave none.
    public let subject: String?
    /// When the message was queued.
    public let queuedAt: Date
    /// Where delivery stands; only the outbox changes it.
    public internal(set) var state: OutboxState
    /// When `state` last changed.
    public internal(set) var updatedAt: Date
    /// How many times this file was rewritten (nil: never): a state recorded beside it, in
    /// `outbox/sent/`, holds only for the revision it was recorded for.
    var revision: Int?

    enum CodingKeys: String, CodingKey {
        case messageID = "message_id", purpose, recipients, subject
        case queuedAt = "queued_at", state, updatedAt = "updated_at", revision
    }
}

/// How failed sends are retried: exponential backoff, then a permanent failure.
public struct OutboxRetryPolicy: Equatable, Sendable {
    /// The wait after the first failed attempt; each further failure doubles it.
    public var firstDelay: TimeInterval
    /// The longest wait between two attempts.
    public var maximumDelay: TimeInterval
    /// After this many failed attempts a temporary failure becomes permanent.
    public var maximumAttempts: Int

    /// The defaults retry after 1 minute, then up to hourly, and give up after 10 attempts.
    public init(firstDelay: TimeInterval = 60, maximumDelay: TimeInterval = 3600, maximumAttempts: Int = 10) {
        self.firstDelay = firstDelay
        self.maximumDelay = maximumDelay
        self.maximumAttempts = maximumAttempts
    }

    /// The wait after the `attempts`-th failure: 1, 2, 4, … times `firstDelay`, capped.
    public func delay(afterAttempts attempts: Int) -> TimeInterval {
        let exponent = Double(max(0, min(attempts - 1, 30)))
        return min(maximumDelay, firstDelay * pow(2, exponent))
    }
}
