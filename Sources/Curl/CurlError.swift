import Foundation

/// The one error type of the Curl module: what failed, against which server, during which step.
///
/// `description` is the message an operator reads in the log. It names the server, the user and
/// the CA file where they matter, and never the password.
public struct CurlError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What went wrong, in the terms an operator acts on.
    public var kind: Kind
    /// libcurl's CURLcode (0 when the error did not come from libcurl).
    public var code: Int
    /// What the client was doing, as a verb phrase: "log in", "fetch messages from INBOX".
    public var step: String
    /// The server as configured (`imaps://host:993`), never with credentials.
    public var server: String
    /// The login name, where it matters for the error (never the password).
    public var user: String?
    /// The CA file in use, for TLS errors.
    public var caFile: String?
    /// libcurl's error buffer, its strerror text, or the server's words.
    public var detail: String

    /// An error as `EasyHandle` builds it from a CURLcode ([libcurl-errors](https://curl.se/libcurl/c/libcurl-errors.html)).
    public init(
        kind: Kind, code: Int = 0, step: String, server: String, user: String? = nil,
        caFile: String? = nil, detail: String = ""
    ) {
        self.kind = kind
        self.code = code
        self.step = step
        self.server = server
        self.user = user
        self.caFile = caFile
        self.detail = detail
    }

    /// The operator's line: what failed against which server, and what to check.
    public var description: String {
        let suffix = detail.isEmpty ? "" : ": \(detail)"
        switch kind {
        case .loginDenied:
            let who = user.map { " as \($0)" } ?? ""
            return "could not log in to \(server)\(who): authentication failed"
                + (detail.isEmpty ? "" : " (\(detail))")
        case .tlsNotTrusted:
            return "TLS certificate of \(server) not trusted (CA file \(caFile ?? "system default"))\(suffix)"
        case .caFileUnusable:
            return "CA file \(caFile ?? "(none)") for \(server) could not be used\(suffix)"
        case .tlsFailed:
            return "TLS handshake with \(server) failed\(suffix)"
        case .startTLSUnavailable:
            return "\(server) does not offer STARTTLS: refusing to log in over an unencrypted "
                + "connection (use an imaps:// or smtps:// URL, or enable STARTTLS on the server)"
        case .plaintextNotAllowed:
            return "refusing to connect to \(server) without TLS\(suffix)"
        case .connectionRefused:
            return "could not connect to \(server): connection refused"
        case .connectFailed:
            return "could not connect to \(server)\(suffix)"
        case .hostNotFound:
            return "could not find the host of \(server)\(suffix)"
        case .timedOut:
            return "\(server) did not answer in time (while trying to \(step))\(suffix)"
        case .connectionLost:
            return "connection to \(server) was lost (while trying to \(step))\(suffix)"
        case .badURL:
            return "bad mail server URL \(server)\(suffix)"
        case .protocolNotAllowed:
            return "mail server URL \(server) must use imap://, imaps://, smtp:// or smtps://\(suffix)"
        case .badOption:
            return "could not \(step)\(suffix)"
        case .other:
            return "could not \(step) on \(server)\(suffix)" + (code == 0 ? "" : " (libcurl error \(code))")
        }
    }
}
