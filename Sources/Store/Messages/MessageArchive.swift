import Digest
public import Foundation

/// Raw messages, kept byte-identical under `messages/<yyyy-mm>/<sha256>.eml`, with an index
/// (`messages/index.jsonl`) by content hash and Message-ID so that the same message is never
/// stored twice, even when the server renumbers its UIDs (UIDVALIDITY change).
///
/// "Archived" is not "handled": the bot archives before it routes, so after a crash a message
/// can be archived and not yet routed. The journal (`Journal.routedContentHashes`) says which
/// messages are done.
public final class MessageArchive: @unchecked Sendable {
    /// `messages/` inside the store.
    public let directory: URL
    private let index: JSONLinesFile
    // The index, loaded on first use; guarded by `mutex`.
    private var byHash: [String: ArchivedMessage]?
    private var byMessageID: [String: ArchivedMessage] = [:]
    private let mutex = NSLock()

    init(directory: URL) {
        self.directory = directory
        self.index = JSONLinesFile(url: directory.appendingPathComponent("index.jsonl"))
    }

    /// Archives `raw` (unless the same bytes are already there) and returns where it is.
    /// `receivedAt` picks the month folder (UTC). `sha256` is `SHA256.hexDigest(raw)` when the
    /// caller has it already (the intake hashes on its reading threads); nil computes it here.
    /// `now` is the archiving time the retention rules count from.
    public func store(raw: Data, messageID: String?, receivedAt: Date, sha256: String? = nil, now: Date = Date()) throws -> ArchiveResult {
        let hash = sha256 ?? SHA256.hexDigest(raw)
        let id = messageID.flatMap(Self.normalizedMessageID)
        mutex.lock()
        defer { mutex.unlock() }
        try loadIndexIfNeeded()
        if let existing = byHash?[hash] {
            return ArchiveResult(message: existing, isNew: false, earlierWithSameMessageID: nil)
        }
        let month = Self.monthFolder(receivedAt)
        let monthURL = directory.appendingPathComponent(month)
        try POSIX.makeDirectory(monthURL.path)
        // File first, index second: after a crash in between, the rescan writes the same file
        // again (same name, same bytes) and indexes it; nothing is lost or doubled.
        try AtomicFile.write(raw, to: monthURL.appendingPathComponent(hash + ".eml"))
        let entry = ArchivedMessage(
            sha256: hash, messageID: id, relativePath: month + "/" + hash + ".eml",
            size: raw.count, archivedAt: now
        )
        try index.append(entry)
        let earlier = id.flatMap { byMessageID[$0] }
        byHash?[hash] = entry
        if let id, byMessageID[id] == nil { byMessageID[id] = entry }
        return ArchiveResult(message: entry, isNew: true, earlierWithSameMessageID: earlier)
    }

    /// True when a message with these bytes is archived.
    public func contains(sha256: String) throws -> Bool {
        mutex.lock()
        defer { mutex.unlock() }
        try loadIndexIfNeeded()
        return byHash?[sha256.lowercased()] != nil
    }

    /// The archived message with these bytes (`sha256`, hex), nil when none is.
    public func message(sha256: String) throws -> ArchivedMessage? {
        mutex.lock()
        defer { mutex.unlock() }
        try loadIndexIfNeeded()
        return byHash?[sha256.lowercased()]
    }

    /// The first archived message with this Message-ID (angle brackets optional).
    public func message(withMessageID messageID: String) throws -> ArchivedMessage? {
        guard let id = Self.normalizedMessageID(messageID) else { return nil }
        mutex.lock()
        defer { mutex.unlock() }
        try loadIndexIfNeeded()
        return byMessageID[id]
    }

    /// The raw bytes of an archived message.
    public func raw(_ message: ArchivedMessage) throws -> Data {
        let url = directory.appendingPathComponent(message.relativePath)
        guard let data = try POSIX.readIfExists(url) else {
            throw StoreError.notFound(what: "archived message \(message.sha256)", path: url.path)
        }
        return data
    }

    /// Drops what this process remembers of the index, after a purge or an erasure rewrote it.
    func forgetIndex() {
        mutex.lock()
        defer { mutex.unlock() }
        byHash = nil
        byMessageID = [:]
    }

    private func loadIndexIfNeeded() throws {
        guard byHash == nil else { return }
        var hashes: [String: ArchivedMessage] = [:]
        for entry in try index.readAll(ArchivedMessage.self).values {
            hashes[entry.sha256] = hashes[entry.sha256] ?? entry
            if let id = entry.messageID, byMessageID[id] == nil { byMessageID[id] = entry }
        }
        byHash = hashes
    }

    /// `<abc@host>` and `abc@host` are the same Message-ID; whitespace from folding is not part of it.
    static func normalizedMessageID(_ raw: String) -> String? {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("<") { text.removeFirst() }
        if text.hasSuffix(">") { text.removeLast() }
        text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    static func monthFolder(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month], from: date)
        return String(format: "%04d-%02d", parts.year ?? 1970, parts.month ?? 1)
    }
}
