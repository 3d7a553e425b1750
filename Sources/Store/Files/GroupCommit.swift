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
/// A file appended to many times in a chunk (the journal, the archive's index) is held and
/// flushed once; a file replaced many times (a unit's application, rewritten by every resend)
/// needs only its newest content durable: the earlier versions, unlinked by the renames that
/// replaced them, are skipped at the commit. At `commit()` the writeback of
/// every held file is started first (sync_file_range), so the file system allocates them all
/// in one journal transaction and the fsyncs after the first mostly find their data on disk.
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
    /// Held descriptors, in the order held.
    private var files: [(fd: Int32, path: String)] = []
    /// For each path a held file's content ends up at (`hold(_:path:target:)`), the newest
    /// descriptor held for it (an index into `files`).
    private var heldIndex: [String: Int] = [:]
    private var directories: [String] = []
    /// Replacements of existing files written only at the commit, newest content per path
    /// (`AtomicFile.write(_:to:mode:deferrable:)`), in the order first deferred.
    private var deferred: [String: (bytes: Data, mode: mode_t)] = [:]
    private var deferredOrder: [String] = []
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
        try writeDeferred()
        let (held, folders) = lock.withLock { () -> ([(fd: Int32, path: String)], [String]) in
            defer { files = []; heldIndex = [:]; directories = [] }
            return (files, directories)
        }
        var failure: (any Error)?
        // A file replaced since it was written (the same unit's application rewritten by the
        // next resend) is unlinked now: only what is still reachable is flushed.
        let linked = held.map { Self.isLinked($0.fd) }
        // Start every file's writeback before waiting for any: the disk then takes them as one
        // stream instead of one write and wait per file (the fsyncs below still flush each file,
        // as POSIX asks).
        if held.count > 1, let startWriteback = Self.startWriteback {
            for (file, isLinked) in zip(held, linked) where isLinked {
                _ = startWriteback(file.fd, 0, 0, Self.syncFileRangeWrite)
            }
        }
        for (file, isLinked) in zip(held, linked) {
            if failure == nil, isLinked {
                do { try POSIX.flush(file.fd, path: file.path) } catch { failure = error }
            }
            close(file.fd)
        }
        for folder in folders where failure == nil {
            do { try POSIX.flushDirectory(folder) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Writes the replacements deferred so far (`deferReplace`), each file once with its newest
    /// content; their flush waits for the commit like any other write. `commit()` does this
    /// first; a caller that records elsewhere that these files are written does it before that.
    public func writeDeferred() throws {
        let writes = lock.withLock { () -> [(path: String, bytes: Data, mode: mode_t)] in
            defer { deferred = [:]; deferredOrder = [] }
            return deferredOrder.compactMap { path in deferred[path].map { (path, $0.bytes, $0.mode) } }
        }
        for write in writes {
            try AtomicFile.write(write.bytes, to: URL(fileURLWithPath: write.path), mode: write.mode)
        }
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
        lock.withLock { (files.count + deferred.count, directories.count) }
    }

    /// Keeps `bytes` as the new content of the existing file `path`, written at the commit: a
    /// file replaced many times in a chunk (a unit's application, rewritten by each of its
    /// resends) is then written once instead of once per message (on ext4 without a journal
    /// every inode freed in the last half minute slows the next file's creation). Reads on this
    /// thread see it at once (`POSIX.readIfExists`); other threads see the old content until
    /// the commit, as after a crash. Nothing outside the store is acknowledged before the commit,
    /// and a message handled again after a crash writes it again.
    func deferReplace(_ bytes: Data, path: String, mode: mode_t) {
        lock.withLock {
            if deferred[path] == nil { deferredOrder.append(path) }
            deferred[path] = (bytes, mode)
        }
    }

    /// The content deferred for `path`, if any.
    func deferredContent(_ path: String) -> Data? {
        lock.withLock { deferred[path]?.bytes }
    }

    /// Keeps `fd`'s file for the next commit (a duplicate: the caller closes its own). `target`
    /// is the path whose content the file becomes (a temp file's final name; `path` itself for
    /// an append): a file appended to again is held once.
    func hold(_ fd: Int32, path: String, target: String? = nil) throws {
        let key = target ?? path
        if lock.withLock({ heldIndex[key].map { Self.sameInode(files[$0].fd, fd) } ?? false }) {
            return  // the descriptor held already reaches this inode
        }
        let copy = dup(fd)
        guard copy >= 0 else {
            // No descriptor to spare: flush now, as without a batch.
            try POSIX.flush(fd, path: path)
            return
        }
        let full = lock.withLock { () -> Bool in
            heldIndex[key] = files.count
            files.append((copy, path))
            return files.count >= Self.maximumHeldFiles
        }
        if full { try commit() }
    }

    /// Linux's sync_file_range(2), looked up by name: Swift's Glibc module leaves it out (it
    /// needs _GNU_SOURCE). nil elsewhere; the fsyncs alone are then the flush.
    private static let startWriteback: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32)? = {
        guard let symbol = dlsym(nil, "sync_file_range") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32).self)
    }()
    /// SYNC_FILE_RANGE_WRITE: start writing the dirty pages, do not wait.
    private static let syncFileRangeWrite: UInt32 = 2

    private static func sameInode(_ first: Int32, _ second: Int32) -> Bool {
        var a = stat(), b = stat()
        return fstat(first, &a) == 0 && fstat(second, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }

    /// False for a file no longer linked anywhere (a temp file a later write replaced, a file
    /// removed): its content can never be read again, so it needs no flush.
    private static func isLinked(_ fd: Int32) -> Bool {
        var info = stat()
        return fstat(fd, &info) != 0 || info.st_nlink > 0
    }

    /// Whether a write to the file `path` (its final name), or a change in the directory
    /// `path`, waits for the next commit (for tests).
    func isHolding(_ path: String) -> Bool {
        lock.withLock { heldIndex[path] != nil || directories.contains(path) }
    }

    /// Remembers `path` for the next commit.
    func hold(directory path: String) {
        lock.withLock { if !directories.contains(path) { directories.append(path) } }
    }
}
