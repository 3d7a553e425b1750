/// A bounce: the recipients a message could not be delivered to, and which message it was.
public struct DeliveryFailure: Sendable, Equatable {
    /// One recipient that could not be reached.
    public struct Recipient: Sendable, Equatable {
        /// The recipient address, lowercased.
        public let address: String
        /// DSN Action ("failed"); nil for a plain-text bounce.
        public let action: String?
        /// DSN Status ("5.1.1").
        public let status: String?
        /// The remote server's words (RFC 3464 `Diagnostic-Code`), when given.
        public let diagnostic: String?
    }

    /// How the bounce was written.
    public enum Format: String, Sendable, Equatable {
        /// multipart/report; report-type=delivery-status (RFC 3464).
        case deliveryStatusNotification = "dsn"
        /// A plain-text bounce from a mailer daemon.
        case plainText = "plain_text"
    }

    /// How the bounce was written.
    public let format: Format
    /// Every failed recipient the report names.
    public let recipients: [Recipient]
    /// The Message-ID of the message that bounced, when the report includes its header.
    public let originalMessageID: String?
    /// The server that gave up (RFC 3464 `Reporting-MTA`), when given.
    public let reportingMTA: String?
}
