extension CPDBotConfiguration {
    /// Caps on untrusted input (`limits.*`). Anything larger is answered, never processed.
    public struct Limits: Sendable, Equatable {
        /// The largest message read from the mailbox, in bytes (25 MiB).
        public var maxMessageBytes: Int
        /// The largest attachment, after decoding or unpacking, in bytes (10 MiB).
        public var maxAttachmentBytes: Int
        /// The most table rows read from one file.
        public var maxRows: Int

        public init(maxMessageBytes: Int = 25 * 1024 * 1024, maxAttachmentBytes: Int = 10 * 1024 * 1024, maxRows: Int = 10_000) {
            self.maxMessageBytes = maxMessageBytes
            self.maxAttachmentBytes = maxAttachmentBytes
            self.maxRows = maxRows
        }
    }
}
