import Curl
import Foundation
import Testing
@testable import OAuth

/// Renewal timing with an injected clock: no sleeping, no timing assertions.
@Suite struct TokenCacheTests {
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var _now = Date(timeIntervalSince1970: 1_800_000_000)
        var now: Date { lock.withLock { _now } }
        func advance(_ seconds: TimeInterval) { lock.withLock { _now.addTimeInterval(seconds) } }
    }

    /// Issues `token-1`, `token-2`, … living `lifetime` seconds, or fails while `failing` is set.
    final class Endpoint: @unchecked Sendable {
        private let lock = NSLock()
        let clock: Clock
        let lifetime: TimeInterval
        private var _requests = 0
        var failing: OAuthError?
        var requests: Int { lock.withLock { _requests } }

        init(clock: Clock, lifetime: TimeInterval) {
            self.clock = clock
            self.lifetime = lifetime
        }

        func issue() throws(OAuthError) -> IssuedToken {
            let (count, failure): (Int, OAuthError?) = lock.withLock {
                _requests += 1
                return (_requests, failing)
            }
            if let failure { throw failure }
            return IssuedToken(value: "token-\(count)", issuedAt: clock.now, expiresAt: clock.now.addingTimeInterval(lifetime))
        }
    }

    static func cache(lifetime: TimeInterval) -> (TokenCache, Clock, Endpoint) {
        let clock = Clock()
        let endpoint = Endpoint(clock: clock, lifetime: lifetime)
        let cache = TokenCache(now: { clock.now }) { () throws(OAuthError) in try endpoint.issue() }
        return (cache, clock, endpoint)
    }

    @Test func anHourTokenIsRenewedFiveMinutesBeforeItExpires() throws {
        let (cache, clock, endpoint) = Self.cache(lifetime: 3600)
        #expect(try cache.token() == "token-1")
        #expect(cache.renewalDate == clock.now.addingTimeInterval(3300))
        clock.advance(3299)
        #expect(try cache.token() == "token-1")
        clock.advance(1)
        #expect(try cache.token() == "token-2")
        #expect(endpoint.requests == 2)
    }

    @Test func aTwentySecondTokenIsRenewedAfterFifteen() throws {
        let (cache, clock, _) = Self.cache(lifetime: 20)
        #expect(try cache.token() == "token-1")
        #expect(cache.renewalDate == clock.now.addingTimeInterval(15))
        clock.advance(14.9)
        #expect(try cache.token() == "token-1")
        clock.advance(0.1)
        #expect(try cache.token() == "token-2")
    }

    @Test func aDiscardedTokenIsNeverHandedOutAgain() throws {
        let (cache, _, endpoint) = Self.cache(lifetime: 3600)
        let first = try cache.token()
        cache.discard("some-other-token")
        #expect(try cache.token() == first)
        cache.discard(first)
        #expect(cache.renewalDate == nil)
        #expect(try cache.token() == "token-2")
        #expect(endpoint.requests == 2)
    }

    @Test func aFailedRenewalKeepsAStillValidTokenButNotAnExpiredOne() throws {
        let (cache, clock, endpoint) = Self.cache(lifetime: 3600)
        _ = try cache.token()
        let refusal = OAuthError(.unreachable("timed out"), endpoint: "e", client: "c")
        endpoint.failing = refusal
        clock.advance(3400)  // due for renewal, not yet expired
        #expect(try cache.token() == "token-1")
        #expect(cache.failure == refusal)
        clock.advance(200)  // expired
        #expect(throws: refusal) { try cache.token() }
        endpoint.failing = nil
        #expect(try cache.token() == "token-4")
        #expect(cache.failure == nil)
    }

    @Test func threadsSharingTheCacheAskTheEndpointOnce() throws {
        let (cache, _, endpoint) = Self.cache(lifetime: 3600)
        DispatchQueue.concurrentPerform(iterations: 16) { _ in _ = try? cache.token() }
        #expect(endpoint.requests == 1)
    }

    @Test func accessTokenFailureCarriesTheMessageAndUrgency() {
        let (cache, _, endpoint) = Self.cache(lifetime: 3600)
        endpoint.failing = OAuthError(.credentialUnusable("oauth2.client_secret_file: cannot read x"), endpoint: "e", client: "c")
        do {
            _ = try cache.accessToken()
        } catch {
            #expect(error.needsAttentionNow)
            #expect(error.description.contains("oauth2.client_secret_file"))
        }
    }
}
