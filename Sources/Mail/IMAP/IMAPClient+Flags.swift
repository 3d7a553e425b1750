extension IMAPClient {
    /// How `store` changes the flags: add, remove or replace (RFC 9051 §6.4.6), without the untagged FETCH echo.
    public enum FlagAction: String, Sendable {
        case add = "+FLAGS.SILENT"
        case remove = "-FLAGS.SILENT"
        case replace = "FLAGS.SILENT"
    }

    /// `UID STORE` flags (\Seen, \Flagged, keywords such as `$CpdbotFailed`).
    public func store(uid: UInt32, flags: [String], _ action: FlagAction = .add) throws(MailError) {
        try store(uids: [uid], flags: flags, action)
    }

    /// `UID STORE` on many messages, in UID sets of at most `limits.fetchBatchSize`.
    public func store(uids: [UInt32], flags: [String], _ action: FlagAction = .add) throws(MailError) {
        _ = try requireSelected("UID STORE")
        let flagList = try IMAPSyntax.flagList(flags)
        for set in IMAPSyntax.uidSets(uids, maximum: limits.fetchBatchSize) {
            try run(IMAPCommand("UID STORE \(set) \(action.rawValue) \(flagList)"))
        }
    }

    /// Moves one message (`move(uids:to:)`).
    public func move(uid: UInt32, to mailbox: String) throws(MailError) {
        try move(uids: [uid], to: mailbox)
    }

    /// Moves messages out of the selected mailbox: `UID MOVE` (RFC 6851), or where the server
    /// lacks MOVE: `UID COPY`, `\Deleted`, then `UID EXPUNGE` (RFC 4315) of exactly these UIDs.
    /// A missing target ([TRYCREATE]) is created once and the move retried.
    public func move(uids: [UInt32], to mailbox: String) throws(MailError) {
        _ = try requireSelected("UID MOVE")
        let target = try IMAPSyntax.mailbox(mailbox)
        for set in IMAPSyntax.uidSets(uids, maximum: limits.fetchBatchSize) {
            do {
                try moveOnce(set: set, target: target)
            } catch where error.responseCode == "TRYCREATE" {
                try createIfMissing(mailbox)
                try moveOnce(set: set, target: target)
            }
        }
    }

    private func moveOnce(set: String, target: String) throws(MailError) {
        if capabilities.contains("MOVE") {
            try run(IMAPCommand("UID MOVE \(set) \(target)"))
            return
        }
        try run(IMAPCommand("UID COPY \(set) \(target)"))
        try run(IMAPCommand("UID STORE \(set) +FLAGS.SILENT (\\Deleted)"))
        if capabilities.contains("UIDPLUS") {
            try run(IMAPCommand("UID EXPUNGE \(set)"))
        } else {
            // Without UIDPLUS only a plain EXPUNGE exists; it also removes messages someone
            // else marked \Deleted, which were meant to go anyway.
            try run(IMAPCommand("EXPUNGE"))
        }
    }
}
