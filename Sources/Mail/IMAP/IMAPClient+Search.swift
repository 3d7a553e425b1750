import Foundation

extension IMAPClient {
    /// `UID SEARCH criteria` in the selected mailbox (RFC 9051 §6.4.4), e.g. "ALL", "UNSEEN",
    /// `HEADER Message-ID "<id@host>"`. Criteria are sent as given: quote values with
    /// `IMAPClient.quoted(_:)` or use `searchUIDs(header:value:)`.
    public func searchUIDs(_ criteria: String) throws(MailError) -> [UInt32] {
        _ = try requireSelected("UID SEARCH")
        guard !criteria.isEmpty, !criteria.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) else {
            throw .invalidArgument("search criteria must be one non-empty line")
        }
        var uids: [UInt32] = []
        try run(IMAPCommand("UID SEARCH \(criteria)")) { response in
            if case .search(let found) = response { uids.append(contentsOf: found) }
        }
        return uids.sorted()
    }

    /// UIDs of messages whose header `field` contains `value` (e.g. Message-ID). A non-ASCII
    /// value (a Kazakh subject) is sent as a UTF-8 literal with `CHARSET UTF-8`.
    public func searchUIDs(header field: String, value: String) throws(MailError) -> [UInt32] {
        let name = try IMAPSyntax.quoted(field)
        if let quotedValue = try? IMAPSyntax.quoted(value) {
            return try searchUIDs("HEADER \(name) \(quotedValue)")
        }
        _ = try requireSelected("UID SEARCH")
        var uids: [UInt32] = []
        let command = IMAPCommand(
            parts: [.text("UID SEARCH CHARSET UTF-8 HEADER \(name) "), .literal(Data(value.utf8))],
            display: "UID SEARCH CHARSET UTF-8 HEADER \(name) (\(value.utf8.count) bytes)")
        try run(command) { response in
            if case .search(let found) = response { uids.append(contentsOf: found) }
        }
        return uids.sorted()
    }

    /// A quoted IMAP string for building criteria; throws for CR, LF or non-ASCII.
    public static func quoted(_ text: String) throws(MailError) -> String { try IMAPSyntax.quoted(text) }
}
