import Foundation
import Synchronization

/// Spreads the console's requests to at most `console.max_requests_per_second`, as nginx's
/// `limit_req` with a delay would: a request over the pace waits its turn (without a thread)
/// for up to `console.max_request_wait_ms`, and one that would wait longer is answered "busy".
/// People browsing never meet the pace; a client that asks without pause (a scraper, a stuck
/// script, a load test) is slowed to it, so the mail loop keeps the CPU – nice alone cannot
/// hold back the client's own CPU and the loopback's copies on a two-core server.
final class RequestPacer: Sendable {
    /// What a request does now.
    enum Decision: Equatable {
        /// Go on at once.
        case go
        /// Go on after this many seconds.
        case wait(TimeInterval)
        /// Answer "busy" (503): the queue is longer than the wait allowed.
        case refuse
    }

    /// Seconds between two requests; 0: no pace.
    let interval: TimeInterval
    /// The longest a request may wait for its turn.
    let maximumWait: TimeInterval
    /// When the next turn is free, on the monotonic clock (seconds).
    private let nextTurn = Mutex<TimeInterval>(0)

    /// A pacer of `perSecond` requests (0: none) that lets a request wait `maximumWaitMilliseconds`.
    convenience init(perSecond: Int, maximumWaitMilliseconds: Int) {
        self.init(interval: perSecond > 0 ? 1 / TimeInterval(perSecond) : 0,
                  maximumWait: TimeInterval(maximumWaitMilliseconds) / 1_000)
    }

    /// A pacer of one request per `interval` seconds (0: none) that lets a request wait `maximumWait`.
    init(interval: TimeInterval, maximumWait: TimeInterval) {
        self.interval = interval
        self.maximumWait = maximumWait
    }

    /// The turn of a request arriving at `now` (seconds on the monotonic clock).
    func admit(now: TimeInterval) -> Decision {
        guard interval > 0 else { return .go }
        return nextTurn.withLock { next in
            let turn = max(now, next)
            let wait = turn - now
            guard wait <= maximumWait else { return .refuse }
            next = turn + interval
            return wait > 0 ? .wait(wait) : .go
        }
    }

    /// Seconds on the monotonic clock (unaffected by changes of the wall clock).
    static func uptime() -> TimeInterval {
        TimeInterval(DispatchTime.now().uptimeNanoseconds) / 1_000_000_000
    }
}
