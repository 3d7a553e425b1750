import Foundation

extension FileStore {
    /// Runs `work` holding the writing lock – the lock the mail loop holds while it handles a
    /// message – after asking a running `run` to let go between two messages (`write.request`,
    /// as a backup asks), so that a change from outside the loop (the console's "Confirm and
    /// announce", its Retry) never interleaves with the loop's own, and waits for one message,
    /// not for a whole pass. Throws `StoreError.locked` when the lock is not free within `timeout`.
    ///
    /// One caller at a time per process should ask: the request file is removed when its
    /// `work` ends, which would cancel another waiter's request (`ConsoleApp` serialises its writes).
    public func withWritingLockAskingRun<T>(timeout: Duration, _ work: () throws -> T) throws -> T {
        let lock = WritingLock(path: root.appendingPathComponent(FileStore.writingLockName).path)
        let request = root.appendingPathComponent(FileStore.writeRequestName)
        _ = FileManager.default.createFile(atPath: request.path, contents: nil, attributes: [.posixPermissions: 0o600])
        defer { try? FileManager.default.removeItem(at: request) }
        try lock.acquire(timeout: timeout)
        defer { lock.release() }
        // Asked and answered: the loop need not stop again for this request while `work` runs.
        try? FileManager.default.removeItem(at: request)
        return try work()
    }
}
