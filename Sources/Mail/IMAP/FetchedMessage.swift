public import Foundation

/// One message as fetched with `BODY.PEEK[]`: fetching never sets \Seen and never removes it,
/// so a message whose processing fails stays in the mailbox and is fetched again.
public struct FetchedMessage: Sendable {
    /// The message's bytes, or why they were not downloaded.
    public enum Content: Sendable, Equatable {
        /// The raw RFC 5322 bytes, held once.
        case complete(Data)
        /// Over `IMAPLimits.maxMessageBytes`: not downloaded.
        case tooLarge(size: Int, maximum: Int)
    }

    /// The message's UID in the selected mailbox (RFC 9051 §2.3.1.1).
    public var uid: UInt32
    /// RFC822.SIZE as the server reports it.
    public var size: Int
    /// The flags as the server sent them (`\Seen`, keywords).
    public var flags: [String]
    /// When the server received the message (IMAP `INTERNALDATE`): the time that counts for
    /// deadlines, since the sender writes the `Date:` header. nil when the server gave none.
    public var internalDate: Date?
    /// The sender's fields of the header (`FetchedMessage.headerFieldNames`): what a message
    /// too large to download is answered from.
    public var headerFields: Data?
    /// The raw message, or the note that it was too large to download.
    public var content: Content

    /// A fetched message as the client builds it from a FETCH response (and tests from their fakes).
    public init(uid: UInt32, size: Int, flags: [String], internalDate: Date? = nil, headerFields: Data? = nil,
                content: Content) {
        self.uid = uid
        self.size = size
        self.flags = flags
        self.internalDate = internalDate
        self.headerFields = headerFields
        self.content = content
    }

    /// The header fields fetched with every message (a few hundred bytes).
    public static let headerFieldNames = ["FROM", "SENDER", "SUBJECT", "DATE", "MESSAGE-ID", "RETURN-PATH",
                                          "AUTO-SUBMITTED", "PRECEDENCE", "X-AUTOREPLY", "AUTHENTICATION-RESULTS"]

    /// The bytes, or nil when the message was too large to download.
    public var body: Data? {
        if case .complete(let data) = content { return data }
        return nil
    }
}
