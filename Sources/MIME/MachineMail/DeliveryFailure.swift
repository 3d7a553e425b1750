/// A bounce: the recipients a message could not be delivered to, and which message it was.
public struct DeliveryFailure: Sendable, Equatable {
    public struct Recipient: Sendable, Equatable {
        /// The recipient address, lowercased.
        public let address: String
        /// DSN Action ("failed"); nil for a plain-text bounce.
        public let action: String?
        /// DSN Status ("5.1.1").
        public let status: String?
        public let diagnostic: String?
    }

    public enum Format: String, Sendable, Equatable {
        /// multipart/report; report-type=delivery-status (RFC 3464).
        case deliveryStatusNotification = "dsn"
        /// A plain-text bounce from a mailer daemon.
        case plainText = "plain_text"
    }

    public let format: Format
    public let recipients: [Recipient]
    /// The Message-ID of the message that bounced, when the report includes its header.
    public let originalMessageID: String?
    public let reportingMTA: String?
}
