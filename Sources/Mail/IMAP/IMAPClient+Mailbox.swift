extension IMAPClient {
    /// SELECT (read-write) or EXAMINE (read-only) a mailbox (RFC 9051 §6.3.2).
    @discardableResult
    public func select(_ mailbox: String, readOnly: Bool = false) throws(MailError) -> MailboxStatus {
        let verb = readOnly ? "EXAMINE" : "SELECT"
        let name = try IMAPSyntax.mailbox(mailbox)
        selectedMailbox = nil
        var status = MailboxStatus(uidValidity: 0, uidNext: 0, exists: 0)
        try run(IMAPCommand("\(verb) \(name)")) { response in
            switch response {
            case .exists(let count): status.exists = count
            case .status(let reply):
                switch reply.code?.name {
                case "UIDVALIDITY": status.uidValidity = reply.code?.number ?? 0
                case "UIDNEXT": status.uidNext = reply.code?.number ?? 0
                default: break
                }
            default: break
            }
        }
        selectedMailbox = mailbox
        return status
    }

    /// CREATE, treating "already exists" as success (RFC 5530 ALREADYEXISTS, or a LIST check
    /// for servers that do not send the code).
    public func createIfMissing(_ mailbox: String) throws(MailError) {
        let name = try IMAPSyntax.mailbox(mailbox)
        do {
            try run(IMAPCommand("CREATE \(name)"))
        } catch {
            if error.responseCode == "ALREADYEXISTS" { return }
            var listed = false
            try run(IMAPCommand("LIST \"\" \(name)")) { response in
                if case .other(let kind, _) = response, kind == "LIST" { listed = true }
            }
            if !listed { throw error }
        }
    }
}
