import Foundation
import Intake
public import Store

/// An application file as its head sent it, for the console's unit page: read again from the
/// archived message the rows came from, by the same reading the intake used.
public enum ApplicationOriginal {
    /// The bytes of the attachment `fileName` of archived message `messageID`; nil when the
    /// message is no longer archived (purged) or has no such file.
    public static func file(store: FileStore, messageID: String, fileName: String) throws -> [UInt8]? {
        guard let archived = try store.archive.message(withMessageID: messageID) else { return nil }
        let raw = try store.archive.raw(archived)
        let reading = try MessageReading.read([UInt8](raw), receivedAt: archived.archivedAt, limits: .init())
        return reading.files.first { $0.file.filename == fileName }?.file.bytes
    }
}
