#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Group commit for one thread's run of store writes (a mailbox pass). While a batch is open
/// on a thread, the store's fsyncs on that thread are deferred: each file written is kept open
/// (a duplicate descriptor, so a temp file renamed into place is still reached), each
/// directory is remembered, and `commit()` fsyncs the files first, then the directories – the
/// same flushes as without the batch, once per chunk of messages instead of about eight per
/// message, and only of the store's own files (not the whole machine, as sync(2) would).
///
/// The guarantee the bot relies on stays: nothing is acknowledged outside the store (an IMAP
/// move, an SMTP send) before `commit()` returns. A killed process loses nothing either way
/// (the kernel keeps what was written); only a power cut before `commit()` could, and then the
/// messages are still in INBOX and handled again.
///
/// Concurrency: a batch belongs to the thread that began it (kept in that thread's
/// dictionary, not in global state); writes on other threads flush at once. The lock only
/// guards against `commit()` from a thread the batch was handed to.
public final class GroupCommit: @unchecked Sendable {
    /// Files held open for their flush; at this many the batch flushes early (file descriptors
    /// are a limited resource, usually 1024 a process).
    static let maximumHeldFiles = 256
    private static let threadKey = "cpdbot.GroupCommit"

    private let lock = NSLock()
    private var files: [(fd: Int32, path: String)] = []
    private var directories: [String] = []
    private var depth = 1
    private let thread: Thread

    private init(thread: Thread) {
        self.thread = thread
    }

    /// Opens a batch on the current thread (or nests in the one open there).
    public static func begin() -> GroupCommit {
        if let open = current {
            open.lock.withLock { open.depth += 1 }
            return open
        }
        let batch = GroupCommit(thread: Thread.current)
        Thread.current.threadDictionary[threadKey] = batch
        return batch
    }

    /// The batch open on the current thread, if any.
    static var current: GroupCommit? {
        Thread.current.threadDictionary[threadKey] as? GroupCommit
    }

    /// Makes everything written in the batch so far durable; the batch stays open.
    public func commit() throws {
        let (held, folders) = lock.withLock { () -> ([(fd: Int32, path: String)], [String]) in
            defer { files = []; directories = [] }
            return (files, directories)
        }
        var failure: (any Error)?
        for file in held {
            if failure == nil {
                do { try POSIX.flush(file.fd, path: file.path) } catch { failure = error }
            }
            close(file.fd)
        }
        for folder in folders where failure == nil {
            do { try POSIX.flushDirectory(folder) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Closes this level of the batch; the outermost flushes what is left (the writes after the
    /// last `commit()` acknowledge nothing outside the store) and leaves the thread.
    public func end() {
        let outermost = lock.withLock { () -> Bool in
            depth = max(0, depth - 1)
            return depth == 0
        }
        guard outermost else { return }
        try? commit()
        if thread == Thread.current { Thread.current.threadDictionary.removeObject(forKey: Self.threadKey) }
    }

    /// Files and directories waiting for the next commit (for tests).
    var pending: (files: Int, directories: Int) {
        lock.withLock { (files.count, directories.count) }
    }

    /// Keeps `fd`'s file for the next commit (a duplicate: the caller closes its own).
    func hold(_ fd: Int32, path: String) throws {
        let copy = dup(fd)
        guard copy >= 0 else {
            // No descriptor to spare: flush now, as without a batch.
            try POSIX.flush(fd, path: path)
            return
        }
        let full = lock.withLock { () -> Bool in
            files.append((copy, path))
            return files.count >= Self.maximumHeldFiles
        }
        if full { try commit() }
    }

    /// Remembers `path` for the next commit.
    func hold(directory path: String) {
        lock.withLock { if !directories.contains(path) { directories.append(path) } }
    }
}
