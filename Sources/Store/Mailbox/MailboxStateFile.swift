import Digest
public import Foundation

/// `mailbox/<name>.json`: the `MailboxState` of each IMAP mailbox the bot reads.
public struct MailboxStateFile: Sendable {
    /// `mailbox/` inside the store.
    public let directory: URL

    init(directory: URL) {
        self.directory = directory
    }

    /// The saved state, or an empty one when the mailbox was never polled.
    public func load(mailbox: String = "INBOX") throws -> MailboxState {
        try AtomicFile.readJSON(MailboxState.self, from: url(mailbox)) ?? MailboxState()
    }

    /// Writes the state of `mailbox` atomically.
    public func save(_ state: MailboxState, mailbox: String = "INBOX") throws {
        try AtomicFile.writeJSON(state, to: url(mailbox))
    }

    /// Mailbox names may hold `/` or `..` (IMAP hierarchy); they never become path components.
    func url(_ mailbox: String) -> URL {
        let safe = String(mailbox.unicodeScalars.map { scalar -> Character in
            CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_" ? Character(scalar) : "_"
        })
        let name = safe.isEmpty || safe != mailbox ? safe + "-" + String(SHA256.hexDigest(Data(mailbox.utf8)).prefix(8)) : safe
        return directory.appendingPathComponent(name + ".json")
    }
}
