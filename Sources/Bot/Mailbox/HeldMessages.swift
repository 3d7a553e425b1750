import Logging
import Mail

/// Messages a pass only kept, because the store had no roster yet, are routed once a roster is
/// there: they go back from `Processed` to INBOX, and the pass handles them like new mail –
/// receipts, stored applications, the right folder. Their journal says they were only kept, so
/// they are not taken as handled; a crash after the move leaves them in INBOX, where any pass
/// picks them up. Nothing a head sent before the roster was installed is lost.
enum HeldMessages {
    static let searchGroupSize = 50

    /// Moves the held messages found in `processed` (by Message-ID) to `inbox`; returns how many.
    /// Leaves the connection with no particular mailbox selected: the caller selects its own.
    static func release(_ held: [String: String?], imap: some MailboxSession, from processed: String, inbox: String,
                        logger: Logger) throws -> Int {
        let messageIDs = Set(held.values.compactMap { $0 }.map(bare))
        let withoutID = held.values.filter { $0 == nil }.count
        if withoutID > 0 {
            logger.warning("\(withoutID) message(s) kept while there was no roster have no Message-ID, so they cannot be found in \(processed) again; their copies are in the store's archive")
        }
        guard !messageIDs.isEmpty else { return 0 }
        do {
            _ = try imap.select(processed)
        } catch {
            logger.warning("\(messageIDs.count) message(s) kept while there was no roster are to be routed, but \(processed) cannot be opened: \(error)")
            return 0
        }
        var uids = Set<UInt32>()
        // A few searches, not one per message: `OR` chains of up to `searchGroup` Message-IDs.
        var group: [String] = []
        func searchGroup() throws {
            defer { group.removeAll() }
            guard !group.isEmpty else { return }
            let keys = group.map { "HEADER Message-ID \($0)" }
            uids.formUnion(try imap.searchUIDs(String(repeating: "OR ", count: keys.count - 1) + keys.joined(separator: " ")))
        }
        for messageID in messageIDs.sorted() {
            guard let quoted = try? IMAPClient.quoted(messageID) else {
                // Not sendable as a quoted string: searched alone, as a literal.
                uids.formUnion(try imap.searchUIDs(header: "Message-ID", value: messageID))
                continue
            }
            group.append(quoted)
            if group.count == searchGroupSize { try searchGroup() }
        }
        try searchGroup()
        if uids.count < messageIDs.count {
            logger.warning("\(messageIDs.count - uids.count) message(s) kept while there was no roster are no longer in \(processed); their copies are in the store's archive")
        }
        guard !uids.isEmpty else { return 0 }
        try imap.move(uids: uids.sorted(), to: inbox)
        logger.info("the roster is installed: \(uids.count) message(s) kept without it go back to \(inbox) to be routed")
        return uids.count
    }

    /// `<id@host>` → `id@host`: IMAP's header search matches substrings, with or without brackets.
    private static func bare(_ messageID: String) -> String {
        var id = Substring(messageID)
        if id.hasPrefix("<") { id = id.dropFirst() }
        if id.hasSuffix(">") { id = id.dropLast() }
        return String(id)
    }
}
