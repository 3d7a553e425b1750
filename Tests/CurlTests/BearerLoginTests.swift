import Foundation
import Testing
@testable import Curl

/// Issue 18 item 1: the options a bearer login sets, and HTTPS-only token requests.
@Suite struct BearerLoginTests {
    final class FixedToken: AccessTokenSource, @unchecked Sendable {
        func accessToken() throws(AccessTokenFailure) -> String { "t0ken" }
        func discard(_ token: String) {}
        var renewalDate: Date? { nil }
    }

    @Test func descriptionSaysTokenAndHidesIt() {
        var settings = ConnectionSettings(url: "imaps://outlook.office365.com/", user: "shared-hr@kazguu.kz", password: "")
        settings.login = .bearer(mechanism: .xoauth2, tokens: FixedToken())
        #expect(settings.description == "imaps://outlook.office365.com/ as shared-hr@kazguu.kz (OAuth2 token hidden)")
    }

    @Test func aBearerLoginNeedsAToken() throws {
        var settings = ConnectionSettings(url: "imaps://127.0.0.1:1/", user: "u@kazguu.kz", password: "")
        settings.login = .bearer(mechanism: .oauthBearer, tokens: FixedToken())
        let handle = try EasyHandle()
        let error = try #require(throws: CurlError.self) { try handle.apply(settings) }
        #expect(error.detail == "no access token for an OAuth2 login")
        try handle.apply(settings, accessToken: "t0ken")  // libcurl takes XOAUTH2_BEARER and LOGIN_OPTIONS
    }

    @Test(arguments: ["http://127.0.0.1:1/token", "imaps://127.0.0.1:1/token", "not a url"])
    func tokenRequestsAreHTTPSOnly(url: String) {
        #expect(throws: CurlError.self) {
            _ = try EasyHandle.postForm(url: url, form: "a=b", settings: HTTPSRequestSettings())
        }
    }

    @Test func aTokenEndpointThatIsDownIsNamedByHost() throws {
        let error = try #require(throws: CurlError.self) {
            _ = try EasyHandle.postForm(url: "https://127.0.0.1:1/t/token", form: "client_secret=x",
                                        settings: HTTPSRequestSettings(connectTimeout: .seconds(5), timeout: .seconds(5)))
        }
        #expect(error.server == "127.0.0.1:1")
        #expect(!error.description.contains("client_secret"))
    }
}
