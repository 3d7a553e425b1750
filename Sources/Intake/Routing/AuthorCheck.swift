/// Why a message has no single author the bot can believe. Such mail goes to `Reported`: DSHR
/// reads it; nothing is stored or answered, since answering would pick one of the authors.
public enum AuthorProblem: Equatable, Sendable {
    /// More than one `From:` field (RFC 5322 §3.6 allows exactly one).
    case severalFromFields(Int)
    /// One `From:` naming several mailboxes (every address, as written).
    case severalAuthors([String])
    /// A `Sender:` that is not exactly one mailbox with an address (RFC 5322 §3.6.2), or
    /// several `Sender:` fields.
    case invalidSender(String)
    /// The trusted server authenticated another domain (`header.from`) than the `From:` shows.
    case authenticatedDomainDiffers(fromDomain: String, authenticated: String)
}

/// The one-author rules (RFC 5322 §3.6.2 and the trusted `Authentication-Results`): a pure
/// decision on what the header says.
public enum AuthorCheck {
    /// - Parameters:
    ///   - fromFields: how many `From:` fields the header has.
    ///   - fromAddresses: every mailbox address of the (first) `From:` (empty ones included).
    ///   - senderFields: how many `Sender:` fields; `senderAddresses` the mailboxes of the first.
    ///   - authenticatedFrom: `header.from` of the trusted server's `Authentication-Results`.
    /// - Returns: nil when there is exactly one author (or none at all: that is `noSender`).
    public static func problem(fromFields: Int, fromAddresses: [String], senderFields: Int, senderAddresses: [String],
                               authenticatedFrom: String?) -> AuthorProblem? {
        if fromFields > 1 { return .severalFromFields(fromFields) }
        let authors = fromAddresses.filter { !$0.isEmpty }
        if authors.count > 1 { return .severalAuthors(authors) }
        if senderFields > 1 { return .invalidSender("\(senderFields) Sender: fields") }
        if senderFields == 1, senderAddresses.count != 1 || senderAddresses[0].isEmpty {
            return .invalidSender(senderAddresses.filter { !$0.isEmpty }.joined(separator: ", "))
        }
        if let authenticated = authenticatedFrom?.lowercased(), !authenticated.isEmpty, let author = authors.first,
           let at = author.lastIndex(of: "@") {
            let domain = String(author[author.index(after: at)...]).lowercased()
            if domain != authenticated { return .authenticatedDomainDiffers(fromDomain: domain, authenticated: authenticated) }
        }
        return nil
    }
}
