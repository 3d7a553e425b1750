import Foundation

/// Blocking work (libcurl's transfers, fsync) on a thread of its own. Swift's cooperative pool
/// has one thread per core and expects every job to give its thread back quickly; a blocking
/// call there starves every other task, and `Task.detached` runs on that same pool. A
/// dedicated `Thread` blocks only itself; the caller awaits its result without holding a thread.
public enum BlockingThread {
    /// Runs `work` on a new thread named `name` and returns (or throws) what it did.
    public static func run<T: Sendable>(named name: String, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let thread = Thread {
                continuation.resume(with: Result { try work() })
            }
            thread.name = name
            thread.start()
        }
    }
}
