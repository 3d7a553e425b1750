/// What the bot reads from one message, as `cpdbot inspect` shows it. Property names are
/// encoded in snake_case (the CLI sets the key strategy), matching the sample oracle's keys.
public struct MessageSummary: Sendable, Encodable {
    public struct FileSummary: Sendable, Encodable {
        public var filename: String
        public var contentType: String
        /// nil when the part is damaged (truncated base64) or could not be decoded.
        public var size: Int?
        public var sha256: String?
        public var insideForwardedMessage: Bool
        public var damaged: Bool
        /// An inline image referenced by Content-ID (a signature logo), not a file the sender attached.
        public var inline: Bool
        /// Files inside a winmail.dat (TNEF) container.
        public var contains: [FileSummary]?
        public var problem: String?

        enum CodingKeys: String, CodingKey {
            case filename, contentType, size, sha256, insideForwardedMessage, damaged, inline, contains, problem
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(filename, forKey: .filename)
            try c.encode(contentType, forKey: .contentType)
            try c.encode(size, forKey: .size)      // null, not absent, when unknown
            try c.encode(sha256, forKey: .sha256)
            try c.encode(insideForwardedMessage, forKey: .insideForwardedMessage)
            try c.encode(damaged, forKey: .damaged)
            try c.encode(inline, forKey: .inline)
            try c.encodeIfPresent(contains, forKey: .contains)
            try c.encodeIfPresent(problem, forKey: .problem)
        }
    }

    public struct BounceSummary: Sendable, Encodable {
        public var format: String
        public var failedRecipients: [String]
        public var originalMessageId: String?
    }

    public struct ForwardSummary: Sendable, Encodable {
        /// The original author's address (lowercased), or nil when the block gives only a name.
        public var author: String?
        public var authorName: String?
        public var subject: String?
        public var date: String?
        public var evidence: String
    }

    public struct AuthenticationSummary: Sendable, Encodable {
        public var authservId: String
        public var dmarc: String?
        public var spf: String?
        public var dkim: String?
        /// The domain the server authenticated the `From:` for (`header.from`).
        public var headerFrom: String?
    }

    public var from: String?
    public var fromName: String?
    /// Every mailbox of every `From:` field, lowercased: more than one means no single author.
    public var fromAll: [String]
    /// The `Sender:` mailboxes, lowercased (empty without the field).
    public var sender: [String]
    public var to: [String]
    public var date: String?
    public var subject: String?
    public var messageId: String?
    public var inReplyTo: [String]
    public var autoReply: Bool
    public var autoReplySignals: [String]
    public var bounce: BounceSummary?
    public var forward: ForwardSummary?
    public var authenticationResults: AuthenticationSummary?
    public var attachments: [FileSummary]
    public var defects: [String]
    /// True when the MIME structure could not be split.
    public var malformed: Bool
}
