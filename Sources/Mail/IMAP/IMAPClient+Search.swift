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

    /// UIDs of messages whose header `field` contains `value` (e.g. Message-ID).
    public func searchUIDs(header field: String, value: String) throws(MailError) -> [UInt32] {
        try searchUIDs("HEADER \(try IMAPSyntax.quoted(field)) \(try IMAPSyntax.quoted(value))")
    }

    /// A quoted IMAP string for building criteria; throws for CR, LF or non-ASCII.
    public static func quoted(_ text: String) throws(MailError) -> String { try IMAPSyntax.quoted(text) }
}
