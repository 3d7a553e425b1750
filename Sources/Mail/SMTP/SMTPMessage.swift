public import Foundation

/// One message for `SMTPClient.send(_:willSend:didSend:)`: its bytes and its envelope.
public struct SMTPMessage: Sendable, Equatable {
    /// RFC 5322 bytes with CRLF line ends (dot-stuffing is done when sending).
    public var data: Data
    /// The envelope sender; empty for the null reverse-path `<>` (RFC 5321 §4.5.5).
    public var from: String
    /// The envelope recipients (RCPT TO), which may differ from the To and Cc headers.
    public var recipients: [String]

    /// A message and its envelope.
    public init(data: Data, from: String, recipients: [String]) {
        self.data = data
        self.from = from
        self.recipients = recipients
    }
}
