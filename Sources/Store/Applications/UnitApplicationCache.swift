import Foundation

/// The last application files this process wrote, with their rows, so that replacing a unit's
/// application again does not decode the file it has just written (a pass over a busy mailbox
/// replaces the same few units many times; decoding was a fifth of its time).
///
/// An entry is used only when the file still holds exactly the bytes written: anything else
/// (another process, a hand edit, a restore) is decoded as before. Rows are kept only when they
/// come back from the file unchanged: every date a whole second (the store writes ISO 8601
/// seconds).
final class UnitApplicationCache: @unchecked Sendable {
    static let shared = UnitApplicationCache()

    /// A few units' files; a pass touches them in turn, and each entry is a few hundred rows.
    private let capacity = 16
    private let lock = NSLock()
    private var entries: [String: (bytes: Data, rows: [StoredApplicationRow])] = [:]

    func rows(path: String, bytes: Data) -> [StoredApplicationRow]? {
        lock.withLock {
            guard let entry = entries[path], entry.bytes == bytes else { return nil }
            return entry.rows
        }
    }

    func remember(path: String, bytes: Data, rows: [StoredApplicationRow]) {
        let exact = rows.allSatisfy { $0.receivedAt.timeIntervalSince1970.rounded(.towardZero) == $0.receivedAt.timeIntervalSince1970 }
        lock.withLock {
            guard exact else { entries[path] = nil; return }
            if entries[path] == nil, entries.count >= capacity { entries.removeAll() }
            entries[path] = (bytes, rows)
        }
    }
}
