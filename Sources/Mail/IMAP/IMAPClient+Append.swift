public import Foundation

extension IMAPClient {
    /// APPEND a message (e.g. a copy of a sent mail into "Sent") with flags such as \Seen.
    /// Returns the new UID when the server reports it (UIDPLUS APPENDUID), else nil.
    /// The bytes are written from `data` as they are: no copy is made.
    @discardableResult
    public func append(_ data: Data, to mailbox: String, flags: [String] = []) throws(MailError) -> UInt32? {
        let name = try IMAPSyntax.mailbox(mailbox)
        let flagPart = flags.isEmpty ? "" : " " + (try IMAPSyntax.flagList(flags))
        let command = IMAPCommand(
            parts: [.text("APPEND \(name)\(flagPart) "), .literal(data)],
            display: "APPEND \(name) (\(data.count) bytes)")
        return try run(command).code?.appendedUID
    }
}
