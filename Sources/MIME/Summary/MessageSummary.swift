/// What the bot reads from one message, as `cpdbot inspect` shows it. Property names are
/// encoded in snake_case (the CLI sets the key strategy), matching the sample oracle's keys.
public struct MessageSummary: Sendable, Encodable {
    /// One attached file.
    public struct FileSummary: Sendable, Encodable {
        /// The file name (RFC 2231 or RFC 2047 decoded), or one made up from the type.
        public var filename: String
        /// `type/subtype`, lower-cased.
        public var contentType: String
        /// nil when the part is damaged (truncated base64) or could not be decoded.
        public var size: Int?
        /// Hex SHA-256 of the decoded content; nil like `size`.
        public var sha256: String?
        /// True for a file of a message forwarded as an attachment.
        public var insideForwardedMessage: Bool
        /// True when the body could not be decoded cleanly.
        public var damaged: Bool
        /// An inline image referenced by Content-ID (a signature logo), not a file the sender attached.
        public var inline: Bool
        /// Files inside a winmail.dat (TNEF) container.
        public var contains: [FileSummary]?
        /// Why the file could not be read, when it could not.
        public var problem: String?

        enum CodingKeys: String, CodingKey {
            case filename, contentType, size, sha256, insideForwardedMessage, damaged, inline, contains, problem
        }

        /// Writes nulls instead of omitting them, as the sample oracle does.
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

    /// A bounce's summary.
    public struct BounceSummary: Sendable, Encodable {
        /// `dsn` or `plain_text` (`DeliveryFailure.Format`).
        public var format: String
        /// The addresses that failed, lower-cased.
        public var failedRecipients: [String]
        /// The Message-ID of the message that bounced.
        public var originalMessageId: String?
    }

    /// Who a forwarded message came from, and how we know.
    public struct ForwardSummary: Sendable, Encodable {
        /// The original author's address (lowercased), or nil when the block gives only a name.
        public var author: String?
        /// The author's display name as written.
        public var authorName: String?
        /// The original subject.
        public var subject: String?
        /// The original date as written.
        public var date: String?
        /// `ForwardedOrigin.Evidence`'s raw value.
        public var evidence: String
    }

    /// The trusted Authentication-Results field (RFC 8601).
    public struct AuthenticationSummary: Sendable, Encodable {
        /// The server that wrote it.
        public var authservId: String
        /// DMARC result (RFC 7489).
        public var dmarc: String?
        /// SPF result (RFC 7208).
        public var spf: String?
        /// DKIM result (RFC 6376).
        public var dkim: String?
        /// The domain the server authenticated the `From:` for (`header.from`).
        public var headerFrom: String?
    }

    /// The first From address, lower-cased.
    public var from: String?
    /// Its display name.
    public var fromName: String?
    /// Every mailbox of every `From:` field, lowercased: more than one means no single author.
    public var fromAll: [String]
    /// The `Sender:` mailboxes, lowercased (empty without the field).
    public var sender: [String]
    /// The To addresses, lower-cased.
    public var to: [String]
    /// The Date as ISO 8601 with the sender's offset.
    public var date: String?
    /// The decoded Subject.
    public var subject: String?
    /// The Message-ID, brackets kept.
    public var messageId: String?
    /// The In-Reply-To ids.
    public var inReplyTo: [String]
    /// True when the message is automatic (RFC 3834): the bot does not answer it.
    public var autoReply: Bool
    /// Why it counts as automatic.
    public var autoReplySignals: [String]
    /// Set for a bounce.
    public var bounce: BounceSummary?
    /// Set for a forward.
    public var forward: ForwardSummary?
    /// Set when the message carries an Authentication-Results field.
    public var authenticationResults: AuthenticationSummary?
    /// The files the sender attached, in part order.
    public var attachments: [FileSummary]
    /// `MIMEDefect` descriptions, in part order.
    public var defects: [String]
    /// True when the MIME structure could not be split.
    public var malformed: Bool
}
