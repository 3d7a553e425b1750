public import Curl
import Foundation

/// The one error type of the Mail module. `description` names the server and the step and
/// quotes the server; it never contains a password or message content.
public enum MailError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Connecting, TLS, login, or the connection breaking (see `CurlError.kind`).
    case transport(CurlError)
    /// No OAuth2 access token could be had for a bearer login (the token endpoint refused or
    /// did not answer, or a secret file is unusable); no connection was made with it.
    case tokenUnavailable(AccessTokenFailure)
    /// The server answered NO or BAD.
    case commandFailed(server: String, command: String, reply: String)
    /// The server sent something this client cannot read; the session is unusable.
    case protocolViolation(server: String, detail: String, excerpt: String)
    /// A server line longer than the configured limit.
    case lineTooLong(server: String, actual: Int, maximum: Int)
    /// The caller passed something that cannot be sent (CR/LF in a criterion, empty UID list).
    case invalidArgument(String)
    /// The SMTP server refused the message as a whole (MAIL FROM or DATA).
    case messageRefused(server: String, reply: String)
    /// An SMTP reply over `SMTPLimits` (`what`: "line bytes" or "lines"); the session is unusable.
    case replyTooLarge(server: String, what: String, actual: Int, maximum: Int)

    /// The operator's line: which server, what failed, what it said.
    public var description: String {
        switch self {
        case .transport(let error):
            return error.description
        case .tokenUnavailable(let failure):
            return failure.description
        case .commandFailed(let server, let command, let reply):
            return "\(server) refused \(command): \(reply)"
        case .protocolViolation(let server, let detail, let excerpt):
            return "\(server) sent a response this client cannot read (\(detail)): \(excerpt)"
        case .lineTooLong(let server, let actual, let maximum):
            return "\(server) sent a line of \(actual) bytes; the limit is \(maximum) (raise IMAPLimits.maxLineBytes)"
        case .invalidArgument(let detail):
            return "invalid mail request: \(detail)"
        case .messageRefused(let server, let reply):
            return "\(server) refused the message: \(reply)"
        case .replyTooLarge(let server, let what, let actual, let maximum):
            return "\(server) sent a reply of \(actual) \(what); the limit is \(maximum) (raise SMTPLimits)"
        }
    }

    /// The status response code of a refused IMAP command ("TRYCREATE", "ALREADYEXISTS").
    var responseCode: String? {
        guard case .commandFailed(_, _, let reply) = self,
            let open = reply.firstIndex(of: "["), let close = reply.firstIndex(of: "]"), open < close
        else { return nil }
        return String(reply[reply.index(after: open)..<close])
    }
}
