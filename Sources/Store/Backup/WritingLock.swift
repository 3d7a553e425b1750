import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The lock that makes a backup consistent: `<store>/writing.lock`, held (flock, exclusive)
/// by whoever changes the store while it changes it, and by `cpdbot backup` for the moment it
/// copies the store. `run` holds it during a pass and lets go while it waits for mail, so a
/// backup waits at most for one pass and `run` for one copy; the other commands that change
/// the store hold it for their whole (short) life, through `StoreLock`.
final class WritingLock: @unchecked Sendable {
    let path: String
    // Guarded by `mutex`; -1 when not held.
    private var fd: Int32 = -1
    private let mutex = NSLock()

    init(path: String) {
        self.path = path
    }

    /// Waits until the lock is ours, for at most `timeout`; throws `StoreError.locked` after it.
    func acquire(timeout: Duration = .seconds(600)) throws {
        mutex.lock()
        defer { mutex.unlock() }
        guard fd < 0 else { return }
        let descriptor = try POSIX.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600, operation: "open the writing lock")
        let deadline = ContinuousClock.now + timeout
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR, ContinuousClock.now < deadline else {
                close(descriptor)
                if code == EWOULDBLOCK {
                    throw StoreError.locked(pid: nil, path: (path as NSString).deletingLastPathComponent)
                }
                throw StoreError.io(operation: "lock", path: path, errno: code)
            }
            usleep(50_000)
        }
        fd = descriptor
    }

    /// Lets go; safe to call when not held.
    func release() {
        mutex.lock()
        defer { mutex.unlock() }
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
