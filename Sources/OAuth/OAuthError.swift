import Foundation

/// The one error type of the OAuth module: why no access token could be had. `description`
/// names the token endpoint's host and the client and quotes the endpoint's `error` and
/// `error_description`; it never holds a secret, an assertion or a token.
public struct OAuthError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The endpoint answered with an OAuth error (`invalid_client`, `unauthorized_client`, …).
        case refused(status: Int, error: String, errorDescription: String?)
        /// No answer: connection, TLS, timeout (the transport's message).
        case unreachable(String)
        /// An answer that is not a token response (HTTP status and what was wrong).
        case badResponse(status: Int, detail: String)
        /// A secret, key or certificate file that cannot be used (missing, readable by others,
        /// not parseable): the message names the configuration key and the file.
        case credentialUnusable(String)
    }

    /// What went wrong.
    public var kind: Kind
    /// `login.microsoftonline.com`, `127.0.0.1:10443`.
    public var endpoint: String
    /// The client ID, or a service account's e-mail address.
    public var client: String

    /// An error of `kind` at `endpoint` for `client`.
    public init(_ kind: Kind, endpoint: String, client: String) {
        self.kind = kind
        self.endpoint = endpoint
        self.client = client
    }

    /// True when retrying cannot help until a person acts: a file to fix, or a refusal that is
    /// not one of OAuth's temporary ones (a revoked or expired secret, an unknown client).
    public var needsAttentionNow: Bool {
        switch kind {
        case .credentialUnusable: return true
        case .refused(_, let error, _): return !Self.temporaryErrors.contains(error)
        case .unreachable, .badResponse: return false
        }
    }

    /// OAuth error codes that say "try again later" (RFC 6749 §4.1.2.1, RFC 8628 §3.5).
    static let temporaryErrors: Set<String> = ["temporarily_unavailable", "server_error", "slow_down"]

    /// What failed, at which endpoint for which client, and what the operator should change; never a secret.
    public var description: String {
        switch kind {
        case let .refused(status, error, errorDescription):
            let reason = errorDescription.map { "\(error) (\($0))" } ?? error
            return "the token endpoint \(endpoint) refused client \(client): \(reason) (HTTP \(status))"
        case let .unreachable(detail):
            return "could not get a token from the token endpoint \(endpoint) for client \(client): \(detail)"
        case let .badResponse(status, detail):
            return "the token endpoint \(endpoint) answered client \(client) with no usable token (HTTP \(status)): \(detail)"
        case let .credentialUnusable(detail):
            return "cannot ask the token endpoint \(endpoint) for a token for client \(client): \(detail)"
        }
    }
}
