extension CPDBotConfiguration {
    /// Caps on untrusted input (`limits.*`). Anything larger is answered, never processed.
    public struct Limits: Sendable, Equatable {
        /// The largest message read from the mailbox, in bytes (25 MiB).
        public var maxMessageBytes: Int
        /// The largest attachment, after decoding or unpacking, in bytes (10 MiB).
        public var maxAttachmentBytes: Int
        /// The most table rows read from one file.
        public var maxRows: Int

        // Structure of a message (issue 13): a head whose mail breaks one is told which.
        /// The most MIME parts in one message, nested messages included.
        public var maxMIMEParts: Int = 1_000
        /// The deepest nesting of multiparts and attached messages.
        public var maxMIMEDepth: Int = 32
        /// The longest physical header line, in bytes (RFC 5322 says 998; real mailers go over).
        public var maxHeaderLineBytes: Int = 64 * 1024
        /// All header fields of the message (or of one part) together, in bytes.
        public var maxHeaderBytes: Int = 1024 * 1024

        // Archives (xlsx, ods, docx are zips): caps on what unpacking may cost.
        /// Bytes all members of one file may inflate to, counted as they come.
        public var maxInflatedBytesPerFile: Int = 64 * 1024 * 1024
        /// Bytes all files of one message may inflate to together.
        public var maxInflatedBytesPerMessage: Int = 128 * 1024 * 1024
        /// Inflated bytes per compressed byte of one member before it counts as a bomb.
        public var maxCompressionRatio: Int = 200
        /// The longest single XML token (a text node, an attribute value), in bytes.
        public var maxXMLTokenBytes: Int = 1024 * 1024

        /// The three classic limits; the others keep their defaults.
        public init(maxMessageBytes: Int = 25 * 1024 * 1024, maxAttachmentBytes: Int = 10 * 1024 * 1024, maxRows: Int = 10_000) {
            self.maxMessageBytes = maxMessageBytes
            self.maxAttachmentBytes = maxAttachmentBytes
            self.maxRows = maxRows
        }
    }
}
