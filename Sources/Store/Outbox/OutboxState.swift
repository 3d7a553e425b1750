public import Foundation

/// Where an outgoing message is: queued → sent | failed (temporary, retried later) | failed (permanent).
/// A message the server throttled waits, still queued, without counting as a failed attempt.
public enum OutboxState: Equatable, Sendable {
    case queued
    /// Queued, not before `until`: the server said "too fast" (`421`, `4.7.x`, …).
    case throttled(until: Date, reason: String)
    case sent(at: Date)
    case failedTemporary(attempts: Int, nextAttemptAt: Date, reason: String)
    case failedPermanent(attempts: Int, reason: String)

    /// Whether the message still has to go out at `now`.
    public func isDue(at now: Date) -> Bool {
        switch self {
        case .queued: return true
        case let .throttled(until, _): return until <= now
        case let .failedTemporary(_, next, _): return next <= now
        case .sent, .failedPermanent: return false
        }
    }

    /// How many attempts to send have failed so far (0 for a new or sent message).
    public var attempts: Int {
        switch self {
        case .queued, .throttled, .sent: return 0
        case let .failedTemporary(attempts, _, _), let .failedPermanent(attempts, _): return attempts
        }
    }

    /// `queued`, `sent` or `failed`, as `cpdbot outbox` prints it.
    public var name: String {
        switch self {
        case .queued, .throttled: return "queued"
        case .sent: return "sent"
        case .failedTemporary, .failedPermanent: return "failed"
        }
    }
}

extension OutboxState: Codable {
    // Flat JSON ({"status": "failed", "permanent": false, "attempts": 2, …}) reads better in the
    // outbox files than Swift's default nesting of associated values.
    enum CodingKeys: String, CodingKey {
        case status, sentAt = "sent_at", permanent, attempts, nextAttemptAt = "next_attempt_at", reason
        case notBefore = "not_before"
    }

    /// Reads the state from its flat JSON object (`status`, `attempts`, `next_attempt_at`, …).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .status) {
        case "queued":
            if let until = try container.decodeIfPresent(Date.self, forKey: .notBefore) {
                self = .throttled(until: until, reason: try container.decodeIfPresent(String.self, forKey: .reason) ?? "")
            } else {
                self = .queued
            }
        case "sent":
            self = .sent(at: try container.decode(Date.self, forKey: .sentAt))
        case "failed":
            let attempts = try container.decode(Int.self, forKey: .attempts)
            let reason = try container.decode(String.self, forKey: .reason)
            if try container.decode(Bool.self, forKey: .permanent) {
                self = .failedPermanent(attempts: attempts, reason: reason)
            } else {
                let next = try container.decode(Date.self, forKey: .nextAttemptAt)
                self = .failedTemporary(attempts: attempts, nextAttemptAt: next, reason: reason)
            }
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .status, in: container, debugDescription: "unknown outbox status \(other)")
        }
    }

    /// Writes the state as one flat JSON object, readable by `jq`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .status)
        switch self {
        case .queued:
            break
        case let .throttled(until, reason):
            try container.encode(until, forKey: .notBefore)
            try container.encode(reason, forKey: .reason)
        case let .sent(at):
            try container.encode(at, forKey: .sentAt)
        case let .failedTemporary(attempts, next, reason):
            try container.encode(false, forKey: .permanent)
            try container.encode(attempts, forKey: .attempts)
            try container.encode(next, forKey: .nextAttemptAt)
            try container.encode(reason, forKey: .reason)
        case let .failedPermanent(attempts, reason):
            try container.encode(true, forKey: .permanent)
            try container.encode(attempts, forKey: .attempts)
            try container.encode(reason, forKey: .reason)
        }
    }
}
