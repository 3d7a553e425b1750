/// Who originally wrote a forwarded message, as far as the forward tells.
public struct ForwardedOrigin: Sendable, Equatable {
    /// How the forward names its author.
    public enum Evidence: String, Sendable, Equatable {
        /// The original was attached as message/rfc822.
        case attachedMessage = "attached_message"
        /// A separator line such as "-----Original Message-----" introduced a header block.
        case separatorLine = "separator_line"
        /// Outlook's quoted header block (From:/Sent:/To:/Subject:) without a separator line,
        /// in a message whose subject says it is a forward.
        case headerBlock = "header_block"
    }

    /// The original author. The address may be empty when the block only gives a name
    /// (the roster resolves it); `displayName` then holds it.
    public let author: Mailbox
    /// The original subject.
    public let subject: String?
    /// The date as written in the block (localised, so not parsed), or the attached message's Date.
    public let date: String?
    /// How it was found.
    public let evidence: Evidence
}
