import Foundation
import Store

/// At most N replies an hour to one address, so that two bots can never loop and one confused
/// sender cannot make the bot flood them. Counts what the outbox queued in the last hour.
struct ReplyLimiter {
    private var recent: [String: Int]
    let perHour: Int

    init(outbox: Outbox, now: Date, perHour: Int) throws {
        self.perHour = perHour
        var recent: [String: Int] = [:]
        let hourAgo = now.addingTimeInterval(-3600)
        for entry in try outbox.all() where entry.queuedAt >= hourAgo && entry.purpose.hasPrefix("reply") {
            for recipient in entry.recipients { recent[recipient, default: 0] += 1 }
        }
        self.recent = recent
    }

    /// Takes one reply from the address's allowance; false when it is used up.
    mutating func allow(_ address: String) -> Bool {
        let key = address.lowercased()
        guard recent[key, default: 0] < perHour else { return false }
        recent[key, default: 0] += 1
        return true
    }
}
