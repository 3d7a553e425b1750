public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat(2)` says about a file, enough to tell that it changed: a whole-file write in the
/// store is a rename (`AtomicFile`: another inode), an append grows the size, and any change
/// moves the modification time.
public struct FileIdentity: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: timespec
    var changed: timespec

    /// The same file, unchanged.
    public static func == (a: FileIdentity, b: FileIdentity) -> Bool {
        a.device == b.device && a.inode == b.inode && a.size == b.size
            && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
            && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
    }

    /// The identity of `path`; nil when it does not exist (or cannot be looked at).
    public static func of(_ path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                            modified: info.st_mtim, changed: info.st_ctim)
    }

    /// The kernel stamps files with a coarse clock (a tick of at most 10 ms; a whole second on
    /// file systems that keep no fractions): a second write within the same tick as the one seen
    /// would leave the identity as it was. So a value is kept only for a file that has not
    /// changed for a while – a later write then necessarily gets another time (git's "racily
    /// clean" rule): 0.1 s when the stamps have fractions of a second, else 2 s.
    public func isSettled(now: Date) -> Bool {
        let settle: TimeInterval = modified.tv_nsec != 0 || changed.tv_nsec != 0 ? 0.1 : 2
        let newest = max(Double(modified.tv_sec) + Double(modified.tv_nsec) / 1e9,
                         Double(changed.tv_sec) + Double(changed.tv_nsec) / 1e9)
        return now.timeIntervalSince1970 - newest >= settle
    }
}

/// Decoded store files kept in memory while the file on disk is the one they came from, for the
/// console (issue 17: a page at a big university's size reads the roster, the applications, the
/// outbox and the registry; decoding them on every request cost most of its time). Used only
/// inside `FileStore.withReadCache { }` on the calling thread, so the bot's own passes read the
/// files as before and keep no more memory than they did.
///
/// Correct for every writer, this process or another: a value is used only while the file's
/// identity (`FileIdentity`) is unchanged and was settled when it was read.
final class StoreReadCache: @unchecked Sendable {
    static let shared = StoreReadCache()

    private let lock = NSLock()
    /// Store roots (with a trailing slash) whose files are cached.
    private var roots: [String] = []
    private var entries: [String: (identity: FileIdentity, value: Any)] = [:]
    /// The names a folder held when it was listed, by the folder's identity.
    private var listings: [String: (identity: FileIdentity, names: [String])] = [:]
    /// Values made from a folder's files (`folderValue`), by kind and folder.
    private var folderValues: [String: (identity: FileIdentity, value: Any)] = [:]

    func enable(root: URL) {
        let path = root.standardizedFileURL.path + "/"
        lock.withLock { if !roots.contains(path) { roots.append(path) } }
    }

    /// The thread-dictionary key that marks a thread inside `FileStore.withReadCache`.
    static let threadKey = "cpdbot.store.readCache"

    func isEnabled(_ path: String) -> Bool {
        guard Thread.current.threadDictionary[Self.threadKey] != nil else { return false }
        return lock.withLock { roots.contains { path.hasPrefix($0) } }
    }

    /// The value decoded from the file at `path` (nil when it does not exist), from memory when
    /// the file has not changed since. `kind` tells apart two decodings of one file.
    func value<T>(path: String, kind: String = "\(T.self)", decode: (Data) throws -> T) throws -> T? {
        guard isEnabled(path) else {
            guard let data = try POSIX.readIfExists(URL(fileURLWithPath: path)) else { return nil }
            return try decode(data)
        }
        let key = kind + "\u{0}" + path
        guard let before = FileIdentity.of(path) else {
            lock.withLock { entries[key] = nil }
            return nil
        }
        if let hit = lock.withLock({ entries[key] }), hit.identity == before, let value = hit.value as? T {
            return value
        }
        guard let data = try POSIX.readIfExists(URL(fileURLWithPath: path)) else { return nil }
        let value = try decode(data)
        // Kept only when nothing changed while it was read and the file had settled.
        if FileIdentity.of(path) == before, before.isSettled(now: Date()) {
            lock.withLock { entries[key] = (before, value) }
        }
        return value
    }

    /// A value made from the files of one folder (`make`), from memory while the folder is
    /// unchanged: for folders whose files are all written whole (`AtomicFile`: a rename into the
    /// folder moves its modification time), such as the outbox and a cycle's applications.
    func folderValue<T>(_ path: String, kind: String, make: () throws -> T) rethrows -> T {
        guard isEnabled(path + "/"), let before = FileIdentity.of(path) else { return try make() }
        let key = kind + "\u{0}" + path + "/"
        if let hit = lock.withLock({ folderValues[key] }), hit.identity == before, let value = hit.value as? T {
            return value
        }
        let value = try make()
        if FileIdentity.of(path) == before, before.isSettled(now: Date()) {
            lock.withLock { folderValues[key] = (before, value) }
        }
        return value
    }

    /// The names in a folder (`POSIX.list`), from memory while the folder is unchanged.
    func list(_ path: String) throws -> [String] {
        guard isEnabled(path + "/"), let before = FileIdentity.of(path) else { return try POSIX.list(path) }
        if let hit = lock.withLock({ listings[path] }), hit.identity == before { return hit.names }
        let names = try POSIX.list(path)
        if FileIdentity.of(path) == before, before.isSettled(now: Date()) {
            lock.withLock { listings[path] = (before, names) }
        }
        // Entries of files that are gone are dropped, so a busy outbox does not grow the cache.
        let present = Set(names.map { path + "/" + $0 })
        lock.withLock {
            entries = entries.filter { key, _ in
                let file = key.split(separator: "\u{0}", maxSplits: 1).last.map(String.init) ?? ""
                return !(file.hasPrefix(path + "/") && !file.dropFirst(path.count + 1).contains("/") && !present.contains(file))
            }
        }
        return names
    }
}

extension FileStore {
    /// Runs `body` with this store's files kept decoded in memory while they are unchanged on
    /// disk (the console's pages; see `StoreReadCache`, and `JournalIndex` for the journal). Any
    /// writer, in any process, is seen at once; reads on other threads are not affected.
    public func withReadCache<T>(_ body: () throws -> T) rethrows -> T {
        StoreReadCache.shared.enable(root: root)
        let thread = Thread.current
        let previous = thread.threadDictionary[StoreReadCache.threadKey]
        thread.threadDictionary[StoreReadCache.threadKey] = true
        defer { thread.threadDictionary[StoreReadCache.threadKey] = previous }
        return try body()
    }
}
