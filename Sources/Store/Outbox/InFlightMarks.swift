import Digest
public import Foundation

/// `<store>/outbox/inflight/<SHA-256 of the Message-ID>`: an empty file written (and synced)
/// just before a message's first byte goes to the SMTP server, removed once the server's
/// answer is recorded. A mark left by a crash means "maybe sent": before sending that message
/// again the bot looks for its own copy in the mailbox (`OutboxSender`), so nothing goes twice.
/// The mark's modification time is when the message was started.
public struct InFlightMarks: Sendable {
    /// `<store>/outbox/inflight`.
    public let directory: URL

    init(directory: URL) {
        self.directory = directory
    }

    /// Marks `messageID` as on its way; durable when this returns.
    public func mark(_ messageID: String) throws {
        try POSIX.makeDirectory(directory.path)
        try AtomicFile.write(Data(), to: url(messageID))
    }

    /// When `messageID` was marked; nil when it is not in flight.
    public func markedAt(_ messageID: String) -> Date? {
        let path = url(messageID).path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
    }

    /// Removes the mark: the outcome is recorded in the outbox. A mark already gone is fine.
    public func clear(_ messageID: String) {
        try? FileManager.default.removeItem(at: url(messageID))
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

    /// The mark's file: named by a hash, so that any Message-ID is a safe file name.
    public func url(_ messageID: String) -> URL {
        directory.appendingPathComponent(SHA256.hexDigest(Data(messageID.utf8)))
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
