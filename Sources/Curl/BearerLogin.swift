public import Foundation

/// How libcurl logs in: with the password of `ConnectionSettings`, or over SASL with an OAuth2
/// access token (RFC 7628 OAUTHBEARER, or Google's and Microsoft's XOAUTH2).
public enum LoginMethod: Sendable {
    case password
    /// `tokens` gives the access token just before each login; `mechanism` is the only one
    /// libcurl will try (libcurl prefers OAUTHBEARER when a server offers both, and Exchange
    /// Online offers only XOAUTH2, so the choice is the configuration's, not libcurl's).
    case bearer(mechanism: SASLMechanism, tokens: any AccessTokenSource)

    /// True for a login with an OAuth2 access token.
    public var isBearer: Bool {
        if case .bearer = self { return true }
        return false
    }
}

/// The SASL mechanisms that carry an OAuth2 bearer token, as `CURLOPT_LOGIN_OPTIONS` names them.
public enum SASLMechanism: String, Sendable, CaseIterable {
    case xoauth2 = "XOAUTH2"
    case oauthBearer = "OAUTHBEARER"
}

/// Where a bearer login gets its access token: a cache in front of a token endpoint, shared by
/// every connection (and thread) that logs in with it.
public protocol AccessTokenSource: Sendable {
    /// A token for the next login, from the cache while it is fresh, else a new one.
    func accessToken() throws(AccessTokenFailure) -> String
    /// The server refused `token`: forget it, so that the next `accessToken()` asks anew.
    func discard(_ token: String)
    /// When the cached token is due for renewal (nil: nothing cached). A session logged in
    /// with it should be closed and opened again by then: some servers end it when it expires.
    var renewalDate: Date? { get }
}

/// Why no access token could be had. `description` names the token endpoint and the client
/// and quotes the endpoint's own reason; it never holds a secret, an assertion or a token.
public struct AccessTokenFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reason, naming the endpoint and the client (never a secret).
    public var description: String
    /// True when a person must act before any retry can help (a secret file missing, unreadable
    /// or readable by others; a key that does not parse), as opposed to an endpoint that refused
    /// or did not answer.
    public var needsAttentionNow: Bool

    /// A failure with its reason and whether a person must act first.
    public init(_ description: String, needsAttentionNow: Bool) {
        self.description = description
        self.needsAttentionNow = needsAttentionNow
    }
}
