/// A reply rendered in one language: the subject line and both bodies of a
/// `multipart/alternative` message.
public struct RenderedReply: Equatable, Sendable {
    /// One line, no control characters (safe to put in a header).
    public let subject: String
    /// The plain-text body (always sent).
    public let text: String
    /// The HTML alternative of `text`.
    public let html: String
}
