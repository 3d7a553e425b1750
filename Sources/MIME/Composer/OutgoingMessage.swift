import Foundation

/// A message the bot sends: everything the composer needs, nothing it has to invent.
public struct OutgoingMessage: Sendable {
    public struct Attachment: Sendable {
        public var filename: String
        public var mimeType: String
        public var bytes: [UInt8]

        public init(filename: String, mimeType: String, bytes: [UInt8]) {
            self.filename = filename
            self.mimeType = mimeType
            self.bytes = bytes
        }
    }

    public var from: Mailbox
    public var to: [Mailbox]
    public var cc: [Mailbox] = []
    public var replyTo: [Mailbox] = []
    public var subject: String
    /// The plain-text body (always sent; the HTML body, when given, is its alternative).
    public var text: String
    public var html: String?
    public var attachments: [Attachment] = []
    /// The caller's stable key for this message (e.g. "receipt/2026-2027/<original id>"): the same key
    /// always gives the same Message-ID, so a resend after a crash is recognisable as a duplicate.
    public var messageIDKey: String
    /// The right-hand side of the Message-ID (the bot's domain).
    public var messageIDDomain: String
    public var inReplyTo: String?
    public var references: [String] = []
    /// RFC 3834 Auto-Submitted value ("auto-replied" for receipts, "auto-generated" for notices).
    public var autoSubmitted: String?
    public var date: Date
    /// The offset written in the Date header (e.g. +05:00 = 5 hours, Asia/Almaty since 2024).
    public var utcOffsetSeconds: Int
    /// Content-Language (e.g. "kk", "ru", "en").
    public var contentLanguage: String?

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
