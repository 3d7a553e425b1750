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
        guard let id = MessageArchive.normalizedMessageID(messageID) else { return nil }
        return try AtomicFile.readJSON(OutboxEntry.self, from: stateURL(id))
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
        try AtomicFile.writeJSON(entry, to: stateURL(entry.messageID))
        return entry
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
