import Foundation

/// Values kept per key under the version of the data they were made from, made by one caller at
/// a time per key (issue 17: after each journal line twenty browsers asked for the same page at
/// once, and each waited for it to be made again – p95 over 100 ms while the bot ran).
///
/// A kept value is served while the data's version is the one it was made under and was settled
/// then (nothing could change within the file system's timestamp tick unseen), or was not settled
/// but the value is at most `maxStale` old (so one change does not cost a build per request for
/// the length of a tick, nor serve anything older than the bound). Otherwise the
/// first caller makes it again; callers that arrive meanwhile get the kept value if it is at most
/// `maxStale` old – its version was taken then, so it shows nothing older – and else wait for the
/// one being made. So a page is never older than `maxStale` when it is answered, and a change of
/// the store costs one build per page, not one per waiting request. Pure apart from the lock: the
/// clock and the version are given, so tests need no timing.
final class SingleFlightCache<Version: Equatable & Sendable, Value: Sendable>: @unchecked Sendable {
    /// A value and what it was made from.
    struct Made {
        /// The data's version, taken just before the value was made.
        var version: Version
        /// The version could not change unseen after it was taken (`StoreFingerprint.isSettled`).
        var isSettled: Bool
        /// When the version was taken: the value shows the data as of this moment or later.
        var takenAt: Date
        var value: Value
    }

    /// A value being made: callers for the same key wait for it (or take the kept one meanwhile).
    private final class Flight {
        var made: Made?
        var isOver = false
    }

    /// Values kept at most; the oldest goes first.
    let capacity: Int
    private let clock: @Sendable () -> Date
    private let condition = NSCondition()
    private var entries: [String: Made] = [:]
    private var flights: [String: Flight] = [:]
    private var buildCount = 0

    /// A cache of `capacity` values reading the time from `clock`.
    init(capacity: Int, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.capacity = capacity
        self.clock = clock
    }

    /// How many values were made so far (`/metrics`, and the tests).
    var builds: Int { condition.withLock { buildCount } }

    /// The value for `key`: kept, shared with a caller making it now, or made here by `build`.
    /// `version` gives the data's version now and whether it is settled; `keep` says whether a made
    /// value may be kept for later callers (an error page is not). `maxStale` 0 serves nothing
    /// made before the caller's own version was taken, except a value of that very version.
    func value(key: String, maxStale: TimeInterval, version: () -> (Version, isSettled: Bool),
               keep: (Value) -> Bool, build: () throws -> Value) rethrows -> Value {
        let arrival = clock()
        var current = version()
        let oldest = arrival.addingTimeInterval(-maxStale)
        var waited = false
        condition.lock()
        while true {
            let flight = flights[key]
            if let kept = entries[key] {
                // Made under this very version: current, or – when a change within the same
                // timestamp tick could hide behind it – no older than the bound.
                if kept.version == current.0 && (kept.isSettled || kept.takenAt >= oldest) {
                    condition.unlock()
                    return kept.value
                }
                // Stale while it is being made again, and only while young enough.
                if flight != nil, kept.takenAt >= oldest { condition.unlock(); return kept.value }
            }
            guard let flight else { break }
            while !flight.isOver { condition.wait() }
            waited = true
            if let made = flight.made, made.version == current.0 || made.takenAt >= oldest {
                condition.unlock()
                return made.value
            }
            // Failed or too old for this caller: look again (another caller may have started anew).
        }
        let flight = Flight()
        flights[key] = flight
        buildCount += 1
        condition.unlock()

        // After a wait the version taken on arrival is old: the value is made from the data now.
        var takenAt = arrival
        if waited {
            takenAt = clock()
            current = version()
        }
        var made: Made?
        defer {
            condition.lock()
            flight.made = made
            flight.isOver = true
            if flights[key] === flight { flights[key] = nil }
            if let made, keep(made.value) {
                if entries[key] == nil, entries.count >= capacity,
                   let oldestKey = entries.min(by: { $0.value.takenAt < $1.value.takenAt })?.key {
                    entries[oldestKey] = nil
                }
                entries[key] = made
            }
            condition.broadcast()
            condition.unlock()
        }
        let value = try build()
        made = Made(version: current.0, isSettled: current.isSettled, takenAt: takenAt, value: value)
        return value
    }
}
