/// Every bound the SMTP client applies to what the server sends, with safe defaults.
public struct SMTPLimits: Sendable, Equatable {
    /// Longest reply line (RFC 5321 §4.5.3.1.5 allows 512 bytes; servers quote addresses and
    /// policy texts, so more room is given). A longer line ends the session.
    public var maxReplyLineBytes: Int
    /// Most lines in one multi-line reply (EHLO lists ~15 extensions).
    public var maxReplyLines: Int

    /// RFC 5321 §4.5.3.1.5 allows 512-byte reply lines; 4 KiB leaves room for servers that write more.
    public init(maxReplyLineBytes: Int = 4096, maxReplyLines: Int = 100) {
        self.maxReplyLineBytes = max(16, maxReplyLineBytes)
        self.maxReplyLines = max(1, maxReplyLines)
    }
}
