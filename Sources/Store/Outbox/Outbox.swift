import Digest
public import Foundation

/// The queue of outgoing mail. A message is written here before it is sent, so that after a
/// crash it is either sent later or found already sent; never lost, never sent twice.
///
/// The store only keeps state: the exactly-once check (is this Message-ID in the IMAP `Sent`
/// folder already?) is the bot's, before it sends anything that is not marked `sent`.
public struct Outbox: Sendable {
    /// `outbox/` inside the store.
    public let directory: URL

    init(directory: URL) {
        self.directory = directory
    }

    /// Queues a message. Idempotent: when the Message-ID is already in the outbox, the stored
    /// entry is returned unchanged (a second run of the same step does not queue it twice).
    @discardableResult
    public func enqueue(
        messageID: String, purpose: String, recipients: [String], subject: String?, raw: Data, now: Date = Date()
    ) throws -> OutboxEntry {
        guard let id = MessageArchive.normalizedMessageID(messageID) else {
            throw StoreError.invalidValue(what: "an outgoing message", detail: "the Message-ID is empty")
        }
        if let existing = try entry(messageID: id) { return existing }
        // Bytes first, state second: a state file always has its message beside it.
        try AtomicFile.write(raw, to: rawURL(id))
        let entry = OutboxEntry(
            messageID: id, purpose: purpose, recipients: recipients, subject: subject,
            queuedAt: now, state: .queued, updatedAt: now
        )
        try AtomicFile.writeJSON(entry, to: stateURL(id))
        return entry
    }

    /// The entry queued under this Message-ID (with or without brackets), nil when none.
    public func entry(messageID: String) throws -> OutboxEntry? {
        guard let id = MessageArchive.normalizedMessageID(messageID),
              let entry = try AtomicFile.readJSON(OutboxEntry.self, from: stateURL(id)) else { return nil }
        return try sentRecords().applied(to: entry)
    }

    /// The raw message as it is to be sent (and appended to `Sent`).
    public func raw(messageID: String) throws -> Data {
        let id = MessageArchive.normalizedMessageID(messageID) ?? messageID
        let url = rawURL(id)
        guard let data = try POSIX.readIfExists(url) else {
            throw StoreError.notFound(what: "outgoing message <\(id)>", path: url.path)
        }
        return data
    }

    /// Every entry, oldest first.
    public func all() throws -> [OutboxEntry] {
        let sent = try sentRecords()
        return try queuedEntries().map(sent.applied(to:))
    }

    /// Every entry as its own file has it (`all()` adds what `outbox/sent/` records).
    private func queuedEntries() throws -> [OutboxEntry] {
        // Every entry is written whole (a rename), so an unchanged folder means unchanged entries.
        try StoreReadCache.shared.folderValue(directory.path, kind: "outbox.all") {
            let names = try StoreReadCache.shared.list(directory.path)
            var entries: [OutboxEntry] = []
            for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
                if let entry = try AtomicFile.readJSON(OutboxEntry.self, from: directory.appendingPathComponent(name)) {
                    entries.append(entry)
                }
            }
            return entries.sorted { ($0.queuedAt, $0.messageID) < ($1.queuedAt, $1.messageID) }
        }
    }

    /// Messages to send at `now`: queued ones and temporary failures whose wait is over.
    public func pending(now: Date = Date()) throws -> [OutboxEntry] {
        try all().filter { $0.state.isDue(at: now) }
    }

    /// Marks a batch of entries as sent, each at its time, with one file (`outbox/sent/`): the
    /// entries' own files stay as they are. Durable when this returns (or at the group commit).
    public func markSent(batch: [(entry: OutboxEntry, at: Date)]) throws {
        guard !batch.isEmpty else { return }
        let records = batch.map { SentRecord(messageID: $0.entry.messageID, at: $0.at, revision: $0.entry.revision ?? 0) }
        // Named by what it holds: a file is never rewritten, only removed (`pruneSentRecords`).
        let name = SHA256.hexDigest(Data(records.map { "\($0.messageID) \($0.at.timeIntervalSince1970) \($0.revision)" }
            .joined(separator: "\n").utf8)).prefix(32)
        if !FileManager.default.fileExists(atPath: sentDirectory.path) {
            try POSIX.makeDirectory(sentDirectory.path)
            // The new folder's own name must survive a power cut too, or every state in it would.
            try POSIX.fsyncDirectory(directory.path)
        }
        try AtomicFile.writeJSON(records, to: sentDirectory.appendingPathComponent("batch-\(name)-\(records.count).json"))
    }

    /// Marks the entry as sent at `date`, after the SMTP server accepted it; returns the updated entry.
    @discardableResult
    public func markSent(messageID: String, at date: Date = Date()) throws -> OutboxEntry {
        try update(messageID) { entry in
            entry.state = .sent(at: date)
            entry.updatedAt = date
        }
    }

    /// Records a failed attempt. Temporary failures are retried with backoff until
    /// `policy.maximumAttempts`, then become permanent; a sent message stays sent.
    @discardableResult
    public func markFailed(
        messageID: String, reason: String, permanent: Bool, now: Date = Date(),
        policy: OutboxRetryPolicy = OutboxRetryPolicy()
    ) throws -> OutboxEntry {
        try update(messageID) { entry in
            if case .sent = entry.state { return }
            let attempts = entry.state.attempts + 1
            if permanent || attempts >= policy.maximumAttempts {
                entry.state = .failedPermanent(attempts: attempts, reason: reason)
            } else {
                let next = now.addingTimeInterval(policy.delay(afterAttempts: attempts))
                entry.state = .failedTemporary(attempts: attempts, nextAttemptAt: next, reason: reason)
            }
            entry.updatedAt = now
        }
    }

    /// Puts a message the server throttled back in the queue until `until`. Not a failed
    /// attempt: throttling says nothing about the message, only about the pace.
    @discardableResult
    public func markThrottled(messageID: String, until: Date, reason: String, now: Date = Date()) throws -> OutboxEntry {
        try update(messageID) { entry in
            switch entry.state {
            case .sent, .failedPermanent: return
            case .queued, .throttled, .failedTemporary: break
            }
            entry.state = .throttled(until: until, reason: reason)
            entry.updatedAt = now
        }
    }

    /// Puts a message that failed for good back in the queue, as new: DSHR asked to try it again
    /// (a full mailbox emptied, a server back after days). True when it was requeued; a message
    /// in any other state is left alone, so asking twice queues it once.
    @discardableResult
    public func requeueFailed(messageID: String, now: Date = Date()) throws -> Bool {
        var requeued = false
        _ = try update(messageID) { entry in
            guard case .failedPermanent = entry.state else { return }
            entry.state = .queued
            entry.updatedAt = now
            requeued = true
        }
        return requeued
    }

    func update(_ messageID: String, _ change: (inout OutboxEntry) -> Void) throws -> OutboxEntry {
        guard var entry = try entry(messageID: messageID) else {
            throw StoreError.notFound(what: "outgoing message <\(messageID)>", path: directory.path)
        }
        change(&entry)
        // What `outbox/sent/` recorded for the earlier revision is part of the entry from now on.
        entry.revision = (entry.revision ?? 0) + 1
        try AtomicFile.writeJSON(entry, to: stateURL(entry.messageID))
        return entry
    }

    /// `outbox/sent/`: entries marked sent a batch at a time (`markSent(batch:)`), one file per
    /// batch instead of a rewrite of each entry's file (on ext4 without a journal every inode
    /// freed in the last half minute slows the next file's creation).
    private var sentDirectory: URL { directory.appendingPathComponent("sent", isDirectory: true) }

    /// What the batches in `outbox/sent/` recorded, by Message-ID. Each file is decoded once
    /// per process: it is never rewritten (`SentRecordFiles`).
    private func sentRecords() throws -> SentRecords {
        var records: [String: SentRecord] = [:]
        let files = try POSIX.list(sentDirectory.path).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .map { sentDirectory.appendingPathComponent($0) }
        for file in files {
            for record in try SentRecordFiles.shared.records(in: file) {
                records[record.messageID] = record
            }
        }
        SentRecordFiles.shared.forget(allBut: Set(files.map(\.path)), in: sentDirectory.path)
        return SentRecords(byMessageID: records)
    }

    /// Removes the batches of `outbox/sent/` whose entries are all gone (retention, erasure).
    /// Returns how many went.
    @discardableResult
    public func pruneSentRecords() throws -> Int {
        var removed = 0
        for name in try POSIX.list(sentDirectory.path) where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let file = sentDirectory.appendingPathComponent(name)
            let records = try SentRecordFiles.shared.records(in: file)
            if !records.contains(where: { FileManager.default.fileExists(atPath: stateURL($0.messageID).path) }) {
                try FileManager.default.removeItem(at: file)
                removed += 1
            }
        }
        return removed
    }

    /// File names come from a hash of the Message-ID: Message-IDs may hold `/` and other
    /// characters that must never become a path.
    private func key(_ id: String) -> String { String(SHA256.hexDigest(Data(id.utf8)).prefix(32)) }
    /// Deletes an entry and its message (retention, erasure); a missing one is no error.
    public func remove(messageID: String) throws {
        let id = MessageArchive.normalizedMessageID(messageID) ?? messageID
        for url in [stateURL(id), rawURL(id)] where FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.removeItem(at: url)
        }
    }

    private func stateURL(_ id: String) -> URL { directory.appendingPathComponent(key(id) + ".json") }
    private func rawURL(_ id: String) -> URL { directory.appendingPathComponent(key(id) + ".eml") }
}

/// One entry of a batch in `outbox/sent/`: sent at `at`, as the entry's file was at `revision`.
struct SentRecord: Codable, Sendable {
    let messageID: String
    let at: Date
    let revision: Int

    enum CodingKeys: String, CodingKey {
        case messageID = "message_id", at, revision
    }
}

/// The records of `outbox/sent/`, by Message-ID.
struct SentRecords: Sendable {
    let byMessageID: [String: SentRecord]

    /// `entry` with what was recorded for its current revision (a rewrite since – a returned
    /// message, one requeued – makes an older record moot).
    func applied(to entry: OutboxEntry) -> OutboxEntry {
        guard let record = byMessageID[entry.messageID], record.revision == (entry.revision ?? 0) else { return entry }
        var sent = entry
        sent.state = .sent(at: record.at)
        sent.updatedAt = record.at
        return sent
    }
}

/// The decoded batches of `outbox/sent/`, by path: each is written once under a name made from
/// its content and never changed, so what was decoded stays true while the file exists.
final class SentRecordFiles: @unchecked Sendable {
    static let shared = SentRecordFiles()
    private let lock = NSLock()
    private var decoded: [String: [SentRecord]] = [:]

    func records(in file: URL) throws -> [SentRecord] {
        if let known = lock.withLock({ decoded[file.path] }) { return known }
        guard let data = try POSIX.readIfExists(file) else { return [] }
        let records: [SentRecord]
        do {
            records = try StoreJSON.decoder.decode([SentRecord].self, from: data)
        } catch {
            throw StoreError.corrupt(path: file.path, detail: "not the expected JSON: \(error)")
        }
        lock.withLock { decoded[file.path] = records }
        return records
    }

    /// Drops what was decoded from files of `folder` that are gone (pruned batches).
    func forget(allBut present: Set<String>, in folder: String) {
        lock.withLock {
            decoded = decoded.filter { path, _ in !path.hasPrefix(folder + "/") || present.contains(path) }
        }
    }
}
