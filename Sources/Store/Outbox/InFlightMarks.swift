import Digest
public import Foundation

/// `<store>/outbox/inflight/`: which messages may be on their way to the SMTP server. A mark is
/// written (and synced) just before a message's first byte goes to the server and removed once
/// the server's answer is recorded. A mark left by a crash means "maybe sent": before sending
/// that message again the bot looks for its own copy in the mailbox (`OutboxSender`), so
/// nothing goes twice. A mark's modification time is when the message was started.
///
/// A batch sent together is marked with one file, `batch-<SHA-256>`, whose lines are the
/// SHA-256 of each Message-ID: one file created and removed per batch instead of one per
/// message (on ext4 without a journal every inode freed in the last half minute slows the next
/// file's creation). A file named by one message's SHA-256 alone (a single mark, or a store of
/// an earlier version) is a mark too.
public struct InFlightMarks: Sendable {
    /// `<store>/outbox/inflight`.
    public let directory: URL

    init(directory: URL) {
        self.directory = directory
    }

    /// Marks `messageID` as on its way; durable when this returns (or at the group commit).
    public func mark(_ messageID: String) throws {
        try POSIX.makeDirectory(directory.path)
        try AtomicFile.write(Data(), to: url(messageID))
    }

    /// Marks every message of a batch with one file; durable when this returns (or at the
    /// group commit). Returns the file, for `clear(_:in:)`.
    @discardableResult
    public func mark(batch messageIDs: [String]) throws -> URL? {
        guard !messageIDs.isEmpty else { return nil }
        guard messageIDs.count > 1 else {
            try mark(messageIDs[0])
            return url(messageIDs[0])
        }
        try POSIX.makeDirectory(directory.path)
        let lines = messageIDs.map(Self.key).joined(separator: "\n") + "\n"
        let file = directory.appendingPathComponent("batch-" + SHA256.hexDigest(Data(lines.utf8)))
        try AtomicFile.write(Data(lines.utf8), to: file)
        return file
    }

    /// Every message in flight, by the SHA-256 of its Message-ID, with when it was marked.
    public func all() -> [String: Date] {
        var marks: [String: Date] = [:]
        for name in markFiles() {
            let path = directory.appendingPathComponent(name).path
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            let at = Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1e9)
            if name.hasPrefix("batch-") {
                for key in markedKeys(in: URL(fileURLWithPath: path)) { marks[key] = at }
            } else {
                marks[name] = at
            }
        }
        return marks
    }

    /// When `messageID` was marked; nil when it is not in flight.
    public func markedAt(_ messageID: String) -> Date? {
        markedAt(messageID, among: all())
    }

    /// When `messageID` was marked, looked up in `marks` (from `all()`, read once for many).
    public func markedAt(_ messageID: String, among marks: [String: Date]) -> Date? {
        marks[Self.key(messageID)]
    }

    /// The file that holds `messageID`'s mark (a batch's or its own); nil when it is not in flight.
    public func file(holding messageID: String) -> URL? {
        let key = Self.key(messageID)
        for name in markFiles() {
            let file = directory.appendingPathComponent(name)
            if name == key || (name.hasPrefix("batch-") && markedKeys(in: file).contains(key)) { return file }
        }
        return nil
    }

    /// Removes the mark: the outcome is recorded in the outbox. A mark already gone is fine.
    public func clear(_ messageID: String) {
        clear([messageID])
    }

    /// Removes the marks of `messageIDs`, wherever they are: a batch file keeps the marks of
    /// its other messages (rewritten with its time kept), and goes once it holds none.
    public func clear(_ messageIDs: [String]) {
        let keys = Set(messageIDs.map(Self.key))
        guard !keys.isEmpty else { return }
        for name in markFiles() {
            let file = directory.appendingPathComponent(name)
            guard name.hasPrefix("batch-") else {
                if keys.contains(name) { try? FileManager.default.removeItem(at: file) }
                continue
            }
            clear(keys, in: file)
        }
    }

    /// Removes the marks of `messageIDs` from the batch file `file` (from `mark(batch:)`).
    public func clear(_ messageIDs: [String], in file: URL) {
        guard file.lastPathComponent.hasPrefix("batch-") else {
            clear(messageIDs)
            return
        }
        clear(Set(messageIDs.map(Self.key)), in: file)
    }

    private func clear(_ keys: Set<String>, in file: URL) {
        let marked = markedKeys(in: file)
        let left = marked.filter { !keys.contains($0) }
        guard left.count < marked.count else { return }
        guard !left.isEmpty else {
            try? FileManager.default.removeItem(at: file)
            return
        }
        // The messages still marked keep the time they were started (the grace period counts from it).
        let startedAt = (try? FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date) ?? .distantPast
        do {
            try AtomicFile.write(Data((left.joined(separator: "\n") + "\n").utf8), to: file)
            try FileManager.default.setAttributes([.modificationDate: startedAt], ofItemAtPath: file.path)
        } catch {
            // Left as it was: a mark too many only makes the retry look for a copy first.
        }
    }

    /// Marks `messageID` as started long ago, so that no grace period is waited for its copy
    /// (after a restore: the copy is either in the mailbox already or not at all).
    public func markLongAgo(_ messageID: String) throws {
        try mark(messageID)
        do {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 0)], ofItemAtPath: url(messageID).path)
        } catch {
            throw StoreError.invalidValue(what: "the in-flight mark of \(messageID)", detail: "\(error)")
        }
    }

    /// The single mark's file: named by a hash, so that any Message-ID is a safe file name.
    public func url(_ messageID: String) -> URL {
        directory.appendingPathComponent(Self.key(messageID))
    }

    /// The names of the mark files (temp files of a write in progress left out).
    private func markFiles() -> [String] {
        ((try? POSIX.list(directory.path)) ?? []).filter { !$0.hasPrefix(".") }
    }

    /// The keys a batch file lists, one a line (none when it is gone).
    private func markedKeys(in file: URL) -> [String] {
        guard let data = try? POSIX.readIfExists(file) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    private static func key(_ messageID: String) -> String {
        SHA256.hexDigest(Data(messageID.utf8))
    }
}

extension Outbox {
    /// The in-flight marks of this outbox (`outbox/inflight/`).
    public var inFlight: InFlightMarks {
        InFlightMarks(directory: directory.appendingPathComponent("inflight", isDirectory: true))
    }

    /// After `cpdbot restore`: the running bot may have sent any message the backup still had
    /// to send. Each one gets an in-flight mark dated long ago, so the next pass first looks for
    /// the bot's own copy in the mailbox (the server's record) and sends only what has none:
    /// nothing twice, nothing lost. Returns how many were marked.
    public func markUnsentAsInFlight() throws -> Int {
        let unsent = try all().filter { $0.state.isDue(at: .distantFuture) }
        for entry in unsent { try inFlight.markLongAgo(entry.messageID) }
        return unsent.count
    }
}
