public import Curl
public import Foundation

/// Access tokens kept in memory and renewed before they expire (`IssuedToken.renewalDate`),
/// shared by every connection and thread that logs in with them. One request at a time: a
/// thread that finds the token due waits for the one already asking instead of asking again.
public final class TokenCache: AccessTokenSource, @unchecked Sendable {
    private let request: @Sendable () throws(OAuthError) -> IssuedToken
    private let now: @Sendable () -> Date
    /// Guards `cached` and `lastFailure`; held across a request (see the type's note).
    private let lock = NSLock()
    private var cached: IssuedToken?
    private var lastFailure: OAuthError?

    /// - Parameters:
    ///   - request: asks the endpoint for one new token (`TokenClient.requestToken`).
    ///   - now: the clock (injected in tests).
    public init(now: @escaping @Sendable () -> Date = { Date() }, request: @escaping @Sendable () throws(OAuthError) -> IssuedToken) {
        self.request = request
        self.now = now
    }

    /// A cache in front of `client`.
    public convenience init(client: TokenClient, now: @escaping @Sendable () -> Date = { Date() }) {
        self.init(now: now) { () throws(OAuthError) in try client.requestToken() }
    }

    /// The cached token while it is before its renewal date, else a new one.
    public func token() throws(OAuthError) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let cached, now() < cached.renewalDate { return cached.value }
        do {
            let fresh = try request()
            cached = fresh
            lastFailure = nil
            return fresh.value
        } catch {
            // An expired token is useless; one not yet expired may still log in.
            if let cached, now() >= cached.expiresAt { self.cached = nil }
            lastFailure = error
            if let cached { return cached.value }
            throw error
        }
    }

    /// The last request's error, nil once a request succeeded.
    public var failure: OAuthError? { lock.withLock { lastFailure } }

    // MARK: AccessTokenSource

    /// A valid access token, fetched only when the cached one is near its expiry.
    public func accessToken() throws(AccessTokenFailure) -> String {
        do { return try token() } catch {
            throw AccessTokenFailure(error.description, needsAttentionNow: error.needsAttentionNow)
        }
    }

    /// Forgets `token` after the server refused it, so that the next call fetches a new one.
    public func discard(_ token: String) {
        lock.withLock { if cached?.value == token { cached = nil } }
    }

    /// When the cached token will be renewed; nil before the first fetch.
    public var renewalDate: Date? { lock.withLock { cached?.renewalDate } }
}
