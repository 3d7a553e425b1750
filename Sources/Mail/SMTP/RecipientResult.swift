/// What the SMTP server answered to one `RCPT TO` (RFC 5321 §4.2.1).
public enum RecipientResult: Sendable, Equatable {
    /// 2xx: the server took responsibility for delivering to this recipient.
    case accepted
    /// 4xx: try again later (greylisting, full mailbox, server busy).
    case temporaryFailure(code: Int, reply: String)
    /// 5xx: do not retry (unknown user, relay denied).
    case permanentFailure(code: Int, reply: String)

    init(code: Int, reply: String) {
        switch code {
        case 200..<300: self = .accepted
        case 400..<500: self = .temporaryFailure(code: code, reply: reply)
        default: self = .permanentFailure(code: code, reply: reply)
        }
    }

    /// The server took this recipient (2xx to RCPT TO and to the end of data).
    public var isAccepted: Bool { self == .accepted }
}
