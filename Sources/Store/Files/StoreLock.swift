import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The single-instance lock: an exclusive, non-blocking `flock` on `<store>/cpdbot.lock`,
/// which also holds the owner's pid for the error message a second instance prints.
///
/// `flock` locks belong to the open file description, so the kernel drops the lock when the
/// process dies (kill -9 included): a stale lock file never blocks a restart.
public final class StoreLock: @unchecked Sendable {
    /// The lock file's path, for messages that name it.
    public let path: String
    // Guarded by `mutex`; -1 once released.
    private var fd: Int32
    private let mutex = NSLock()
    /// Held with this lock, except while `run` waits for mail (`pauseWriting`): a backup
    /// copies the store only when no one is changing it.
    private let writing: WritingLock

    /// Takes the lock or throws `StoreError.locked` naming the holder's pid.
    public init(path: String) throws {
        self.path = path
        writing = WritingLock(path: ((path as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent(FileStore.writingLockName))
        let fd = try POSIX.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600, operation: "open the lock file")
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            let holder = Self.readPid(fd)
            close(fd)
            if code == EWOULDBLOCK {
                throw StoreError.locked(pid: holder, path: (path as NSString).deletingLastPathComponent)
            }
            throw StoreError.io(operation: "lock", path: path, errno: code)
        }
        self.fd = fd
        do {
            if ftruncate(fd, 0) != 0 { throw StoreError.io(operation: "truncate", path: path, errno: errno) }
            try POSIX.writeAll(fd, Data("\(getpid())\n".utf8), path: path)
            try POSIX.fsync(fd, path: path)
            try writing.acquire()
        } catch {
            close(fd)
            throw error
        }
    }

    /// Lets a backup copy the store: call only when nothing is being changed (waiting for mail).
    public func pauseWriting() {
        writing.release()
    }

    /// Takes the store back for changes, waiting for a backup's copy to finish.
    public func resumeWriting() throws {
        try writing.acquire()
    }

    /// Between two changes (two messages of a pass): when a backup asks for the store
    /// (`backup.request`), lets it copy, then takes the store back. A stat(2) when no one asks.
    public func yieldToBackup() {
        var status = stat()
        guard stat(backupRequestPath, &status) == 0 else { return }
        // A request left by a killed backup is not one (a backup waits 10 minutes at most).
        guard time(nil) - status.st_mtim.tv_sec < 900 else { return }
        writing.release()
        // The backup takes the lock within 50 ms; give it the chance, then wait for its copy.
        usleep(200_000)
        while (try? writing.acquire()) == nil {}
    }

    private var backupRequestPath: String {
        ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(FileStore.backupRequestName)
    }

    /// Releases the lock; safe to call twice.
    public func release() {
        mutex.lock()
        defer { mutex.unlock() }
        guard fd >= 0 else { return }
        // Empty the pid first so no one reports a pid that no longer holds the lock.
        _ = ftruncate(fd, 0)
        writing.release()
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }

    private static func readPid(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int32(text)
    }
}
