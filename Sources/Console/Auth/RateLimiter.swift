import Foundation

/// At most `limit` events per key in any `window` (a sliding window); values in, decision out.
struct RateLimiter: Sendable {
    let limit: Int
    let window: TimeInterval
    private var events: [String: [Date]] = [:]

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Counts the event and says whether it is within the limit (an event over the limit is
    /// not counted, so a client that keeps trying is not locked out for longer).
    mutating func allow(_ key: String, now: Date) -> Bool {
        let recent = (events[key] ?? []).filter { $0 > now.addingTimeInterval(-window) }
        guard recent.count < limit else {
            events[key] = recent
            return false
        }
        events[key] = recent + [now]
        // Keys whose events have all aged out are dropped now and then, so memory stays bounded.
        if events.count > 10_000 { events = events.filter { $0.value.contains { $0 > now.addingTimeInterval(-window) } } }
        return true
    }
}
