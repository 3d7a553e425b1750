import Logging

extension IMAPClient {
    /// Every mailbox of the account (`LIST "" "*"`), with RFC 6154 special-use attributes when
    /// the server has SPECIAL-USE (`RETURN (SPECIAL-USE)`; a server that refuses that form is
    /// asked with the plain LIST, whose attributes may still carry `\Sent`).
    public func listMailboxes() throws(MailError) -> [ListedMailbox] {
        if capabilities.contains("SPECIAL-USE") {
            do {
                return try list("LIST \"\" \"*\" RETURN (SPECIAL-USE)")
            } catch where error.isRefusal {
                logger.debug("LIST RETURN (SPECIAL-USE) refused; asking with a plain LIST", metadata: ["server": "\(server)"])
            }
        }
        return try list("LIST \"\" \"*\"")
    }

    /// The personal namespaces (RFC 2342); [] when the server has no NAMESPACE.
    public func personalNamespaces() throws(MailError) -> [IMAPNamespace] {
        guard capabilities.contains("NAMESPACE") else { return [] }
        var namespaces: [IMAPNamespace] = []
        try run(IMAPCommand("NAMESPACE")) { response in
            if case .other(let name, let values) = response, name == "NAMESPACE" {
                namespaces = MailboxListing.personalNamespaces(values)
            }
        }
        return namespaces
    }

    /// The Sent folder and the personal namespace, as this server has them (one LIST, one
    /// NAMESPACE): see `ServerFolders.resolve`.
    public func discoverFolders(sentFallback: String) throws(MailError) -> ServerFolders {
        let namespaces = try personalNamespaces()
        let folders = ServerFolders.resolve(listed: try listMailboxes(), namespaces: namespaces, sentFallback: sentFallback)
        logger.debug("IMAP folders", metadata: [
            "server": "\(server)", "sent": "\(folders.sent)", "special-use": "\(folders.sentIsSpecialUse)",
            "prefix": "\(folders.personal.prefix)", "separator": "\(folders.personal.separator.map(String.init) ?? "NIL")",
        ])
        return folders
    }

    private func list(_ command: String) throws(MailError) -> [ListedMailbox] {
        var listed: [ListedMailbox] = []
        try run(IMAPCommand(command)) { response in
            if case .other(let name, let values) = response, name == "LIST", let mailbox = MailboxListing.mailbox(values) {
                listed.append(mailbox)
            }
        }
        return listed
    }

    /// Removes messages from the selected mailbox: `\Deleted`, then `UID EXPUNGE` of exactly
    /// these UIDs (RFC 4315), or a plain EXPUNGE where the server lacks UIDPLUS.
    public func delete(uids: [UInt32]) throws(MailError) {
        _ = try requireSelected("UID STORE")
        for set in IMAPSyntax.uidSets(uids, maximum: limits.fetchBatchSize) {
            try run(IMAPCommand("UID STORE \(set) +FLAGS.SILENT (\\Deleted)"))
            try run(IMAPCommand(capabilities.contains("UIDPLUS") ? "UID EXPUNGE \(set)" : "EXPUNGE"))
        }
    }
}

extension MailError {
    /// The server answered NO or BAD (the session is fine).
    var isRefusal: Bool {
        if case .commandFailed = self { return true }
        return false
    }
}
