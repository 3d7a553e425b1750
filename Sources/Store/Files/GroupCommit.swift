#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Group commit. Between `begin()` and `commit(syncing:)` the store's fsyncs are deferred, and
/// `commit` makes everything written meanwhile durable at once with sync(2), which on Linux
/// returns when the data is on disk – one disk flush for a chunk of messages instead of about
/// eight per message. (syncfs would do for the store's file system alone; Swift's Glibc module
/// does not export it.)
///
/// The guarantee the bot relies on stays: nothing is acknowledged outside the store (an IMAP
/// move, an SMTP send) before `commit` returns. A killed process loses nothing either way (the
/// kernel keeps what was written); only a power cut before `commit` could, and then the
/// messages are still in INBOX and handled again.
public enum GroupCommit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var depth = 0

    /// Opens (or nests) a batch.
    public static func begin() {
        lock.withLock { depth += 1 }
    }

    /// Closes the batch and, when it was the outermost, flushes everything to disk.
    public static func commit() {
        let outermost = lock.withLock { () -> Bool in
            depth = max(0, depth - 1)
            return depth == 0
        }
        if outermost { sync() }
    }

    /// Whether fsyncs are deferred right now.
    static var isDeferring: Bool { lock.withLock { depth > 0 } }
}
