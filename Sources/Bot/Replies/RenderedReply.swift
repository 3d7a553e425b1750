/// A reply rendered in one language: the subject line and both bodies of a
/// `multipart/alternative` message.
public struct RenderedReply: Equatable, Sendable {
    /// One line, no control characters (safe to put in a header).
    public let subject: String
    public let text: String
    public let html: String
}
