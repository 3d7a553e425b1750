public import Foundation

/// One raw message kept in the archive (a line of `messages/index.jsonl`).
public struct ArchivedMessage: Codable, Equatable, Sendable {
    /// Hex SHA-256 of the raw bytes; also the file's name.
    public let sha256: String
    /// The Message-ID without angle brackets, when the message had one.
    public let messageID: String?
    /// Path of the `.eml` relative to the `messages/` folder, e.g. `2026-05/<sha256>.eml`.
    public let relativePath: String
    /// The message's size in bytes.
    public let size: Int
    /// When the store wrote it (not the message's Date header).
    public let archivedAt: Date

    enum CodingKeys: String, CodingKey {
        case sha256
        case messageID = "message_id"
        case relativePath = "path"
        case size
        case archivedAt = "archived_at"
    }
}

/// What `MessageArchive.store` did.
public struct ArchiveResult: Equatable, Sendable {
    /// The archived copy (the earlier one when the content was already there).
    public let message: ArchivedMessage
    /// False when the same bytes were already archived (e.g. a rescan after a UIDVALIDITY change).
    public let isNew: Bool
    /// An earlier archived message with the same Message-ID but other bytes, if any. Servers can
    /// rewrite headers when they rebuild a mailbox; the caller decides whether it is the same mail.
    public let earlierWithSameMessageID: ArchivedMessage?
}
