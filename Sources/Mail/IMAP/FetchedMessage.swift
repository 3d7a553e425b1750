import Foundation

/// One message as fetched with `BODY.PEEK[]`: fetching never sets \Seen and never removes it,
/// so a message whose processing fails stays in the mailbox and is fetched again.
public struct FetchedMessage: Sendable {
    public enum Content: Sendable, Equatable {
        /// The raw RFC 5322 bytes, held once.
        case complete(Data)
        /// Over `IMAPLimits.maxMessageBytes`: not downloaded.
        case tooLarge(size: Int, maximum: Int)
    }

    public var uid: UInt32
    /// RFC822.SIZE as the server reports it.
    public var size: Int
    public var flags: [String]
    public var content: Content

    /// The bytes, or nil when the message was too large to download.
    public var body: Data? {
        if case .complete(let data) = content { return data }
        return nil
    }
}
