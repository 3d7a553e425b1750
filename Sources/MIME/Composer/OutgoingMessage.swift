public import Foundation

/// A message the bot sends: everything the composer needs, nothing it has to invent.
public struct OutgoingMessage: Sendable {
    /// A file sent with the message.
    public struct Attachment: Sendable {
        /// The name the recipient sees (any Unicode; the composer encodes it per RFC 2231 and RFC 2047).
        public var filename: String
        /// `type/subtype` for the part's Content-Type.
        public var mimeType: String
        /// The file's content (sent as base64).
        public var bytes: [UInt8]

        /// An attachment.
        public init(filename: String, mimeType: String, bytes: [UInt8]) {
            self.filename = filename
            self.mimeType = mimeType
            self.bytes = bytes
        }
    }

    /// The author (RFC 5322 From).
    public var from: Mailbox
    /// The primary recipients.
    public var to: [Mailbox]
    /// Copies.
    public var cc: [Mailbox] = []
    /// Where replies should go, when not to `from`.
    public var replyTo: [Mailbox] = []
    /// The subject (any Unicode; RFC 2047-encoded as needed).
    public var subject: String
    /// The plain-text body (always sent; the HTML body, when given, is its alternative).
    public var text: String
    /// An HTML alternative of `text` (RFC 2046 §5.1.4 multipart/alternative).
    public var html: String?
    /// Files sent with it (multipart/mixed).
    public var attachments: [Attachment] = []
    /// The caller's stable key for this message (e.g. "receipt/2026-2027/<original id>"): the same key
    /// always gives the same Message-ID, so a resend after a crash is recognisable as a duplicate.
    public var messageIDKey: String
    /// The right-hand side of the Message-ID (the bot's domain).
    public var messageIDDomain: String
    /// The Message-ID this one answers, so that clients thread it (RFC 5322 §3.6.4).
    public var inReplyTo: String?
    /// The thread's Message-IDs, oldest first.
    public var references: [String] = []
    /// RFC 3834 Auto-Submitted value ("auto-replied" for receipts, "auto-generated" for notices).
    public var autoSubmitted: String?
    /// The instant written in the Date header.
    public var date: Date
    /// The offset written in the Date header (e.g. +05:00 = 5 hours, Asia/Almaty since 2024).
    public var utcOffsetSeconds: Int
    /// Content-Language (e.g. "kk", "ru", "en").
    public var contentLanguage: String?

    /// A message with the fields every message needs; the rest are set afterwards.
    public init(from: Mailbox, to: [Mailbox], subject: String, text: String, messageIDKey: String,
                messageIDDomain: String, date: Date, utcOffsetSeconds: Int) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.messageIDKey = messageIDKey
        self.messageIDDomain = messageIDDomain
        self.date = date
        self.utcOffsetSeconds = utcOffsetSeconds
    }
}
