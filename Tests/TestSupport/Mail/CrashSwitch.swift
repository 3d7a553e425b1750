import Foundation

/// The moments of a message's life at which a test can stop the bot as a crash would: each
/// one is just after something became durable (in the store or on the mail server).
public enum CrashPoint: String, CaseIterable, Sendable, CustomStringConvertible {
    /// Fetched from IMAP; nothing of it kept yet.
    case afterFetch
    /// Kept in the store's archive; not journalled, not answered.
    case afterStore
    /// Its reply queued in the outbox; not journalled as routed.
    case afterQueue
    /// Journalled as routed; still in INBOX.
    case afterRoute
    /// Moved to the folder of its outcome; the end of the pass not recorded.
    case afterMove
    /// A reply marked in flight; not handed to SMTP.
    case afterMark
    /// A reply taken by SMTP (250); not recorded as sent.
    case afterSend

    public var description: String { rawValue }
}

/// What a simulated crash throws: the pass and the outbox are abandoned where they stand.
public struct SimulatedCrash: Error, CustomStringConvertible {
    public let point: CrashPoint
    public var description: String { "simulated crash \(point)" }
}

/// One armed crash, shared by the fakes and the bot's step hook. When the armed point is
/// reached for the chosen time, it throws `SimulatedCrash` and stays "down": every later call
/// of the fakes throws too, so nothing more reaches the servers – as if the process had died –
/// until `restart()`. Thread-safe.
public final class CrashSwitch: @unchecked Sendable {
    private let lock = NSLock()
    private var armed: (point: CrashPoint, occurrence: Int)?
    private var counts: [CrashPoint: Int] = [:]
    private var down = false

    public init() {}

    /// Crashes at the `occurrence`-th time (0 = the first) `point` is reached from now on.
    public func arm(_ point: CrashPoint, occurrence: Int) {
        lock.withLock {
            armed = (point, occurrence)
            counts = [:]
        }
    }

    /// Called by the fakes and the bot's hook at each point: throws when this is the armed one.
    public func reached(_ point: CrashPoint) throws {
        try lock.withLock {
            if down { throw SimulatedCrash(point: point) }
            let count = counts[point, default: 0]
            counts[point] = count + 1
            if let armed, armed.point == point, armed.occurrence == count {
                down = true
                self.armed = nil
                throw SimulatedCrash(point: point)
            }
        }
    }

    /// Throws while the simulated process is down.
    public func checkAlive() throws {
        try lock.withLock {
            if down { throw SimulatedCrash(point: .afterFetch) }
        }
    }

    /// True once the armed crash happened (until `restart()`).
    public var hasCrashed: Bool { lock.withLock { down } }

    /// How often `point` was reached since the last `arm` or `restart`.
    public func occurrences(of point: CrashPoint) -> Int { lock.withLock { counts[point, default: 0] } }

    /// The process starts again: nothing armed, nothing down, the counts from zero.
    public func restart() {
        lock.withLock {
            down = false
            armed = nil
            counts = [:]
        }
    }
}
