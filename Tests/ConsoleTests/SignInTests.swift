import Config
import Foundation
import Staff
import Store
import Testing
@testable import Console

/// The sign-in flow without HTTP: links, their hash in the store, expiry, reuse, the browser
/// binding, the rate limits and CSRF.
@Suite struct SignInTests {
    @Test func aKnownAddressGetsALinkAndTheStoreKeepsOnlyItsHash() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        let browser = TestBrowser(app: fixture.app)
        let token = try #require(browser.signIn("Head.Law@kazguu.kz", mailer: fixture.mailer))
        #expect(fixture.mailer.sent.map(\.to) == ["head.law@kazguu.kz"])
        #expect(fixture.mailer.sent.first?.language == .kk)
        #expect(fixture.mailer.links.first?.hasPrefix("http://127.0.0.1:8080/sign-in/") == true)
        #expect(token.count == 43)
        let links = try String(contentsOf: fixture.store.root.appendingPathComponent("console/links.json"), encoding: .utf8)
        #expect(!links.contains(token))
        #expect(links.contains(ConsoleSecrets.sha256(token)))
        let mode = try FileManager.default.attributesOfItem(atPath: fixture.store.root.appendingPathComponent("console/links.json").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(browser.cookies[ConsoleApp.sessionCookie] != nil)
        // Signed in as a head: the start page is the unit.
        #expect(browser.get("/").header("Location").first?.contains("/units/") == true)
    }

    @Test func anUnknownAddressGetsTheSamePageAndNoMail() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        let known = TestBrowser(app: fixture.app), unknown = TestBrowser(app: fixture.app, client: "10.0.0.2")
        let knownPage = known.post("/sign-in", form: ["email": "staff.law@kazguu.kz",
                                                      "csrf": TestBrowser.csrf(in: known.get("/sign-in")) ?? ""])
        let unknownPage = unknown.post("/sign-in", form: ["email": "nobody@kazguu.kz",
                                                          "csrf": TestBrowser.csrf(in: unknown.get("/sign-in")) ?? ""])
        #expect(fixture.mailer.sent.count == 1)
        #expect(knownPage.status == 200 && unknownPage.status == 200)
        func withoutToken(_ text: String) -> String {
            text.replacingOccurrences(of: #"value="[0-9a-f]{64}""#, with: "", options: .regularExpression)
        }
        #expect(withoutToken(knownPage.bodyText) == withoutToken(unknownPage.bodyText))
    }

    @Test func aConfiguredDSHRAddressOutsideTheRosterMaySignIn() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        let browser = TestBrowser(app: fixture.app)
        browser.signIn("dshr@kazguu.kz", mailer: fixture.mailer)
        #expect(browser.get("/").status == 200)
    }

    @Test func aLinkWorksOnceOnlyInTheBrowserThatAskedAndNotAfterItsTime() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        let asker = TestBrowser(app: fixture.app)
        let form = asker.get("/sign-in")
        asker.post("/sign-in", form: ["email": "staff.law@kazguu.kz", "csrf": TestBrowser.csrf(in: form) ?? ""])
        let token = try #require(fixture.mailer.lastToken)

        // Another browser (a forwarded mail, a stolen link) is refused, and the link stays good.
        let other = TestBrowser(app: fixture.app, client: "10.9.9.9")
        let otherAnswer = other.post("/sign-in/" + token, form: ["csrf": TestBrowser.csrf(in: other.get("/sign-in/" + token)) ?? ""])
        #expect(otherAnswer.status == 403)
        #expect(other.cookies[ConsoleApp.sessionCookie] == nil)

        // A mail scanner's GET spends nothing; the asker's POST signs in.
        let confirm = asker.get("/sign-in/" + token)
        #expect(asker.post("/sign-in/" + token, form: ["csrf": TestBrowser.csrf(in: confirm) ?? ""]).status == 303)
        #expect(asker.cookies[ConsoleApp.sessionCookie] != nil)

        // Used once: a second use is refused.
        let again = TestBrowser(app: fixture.app)
        again.cookies = asker.cookies
        again.cookies[ConsoleApp.sessionCookie] = nil
        let reuse = again.post("/sign-in/" + token, form: ["csrf": TestBrowser.csrf(in: again.get("/sign-in/" + token)) ?? ""])
        #expect(reuse.status == 403)
        #expect(reuse.bodyText.contains(fixture.app.templates.strings(.kk)["link_used"].prefix(20)))

        // A new link, 16 minutes later: expired.
        let late = TestBrowser(app: fixture.app, client: "10.0.0.3")
        late.post("/sign-in", form: ["email": "staff.law@kazguu.kz", "csrf": TestBrowser.csrf(in: late.get("/sign-in")) ?? ""])
        let second = try #require(fixture.mailer.lastToken)
        #expect(second != token)
        fixture.clock.advance(16 * 60)
        let expired = late.post("/sign-in/" + second, form: ["csrf": TestBrowser.csrf(in: late.get("/sign-in/" + second)) ?? ""])
        #expect(expired.status == 403)
        #expect(late.cookies[ConsoleApp.sessionCookie] == nil)
        let journal = try fixture.store.journal.events().events.filter { $0.event == "console" }.compactMap(\.detail)
        #expect(journal.contains { $0.hasPrefix("sign-in refused: link alreadyUsed") })
        #expect(journal.contains { $0.hasPrefix("sign-in refused: link expired") })
        #expect(journal.contains { $0.hasPrefix("signed in as staff") })
    }

    @Test func signInRequestsAreLimitedPerAddressAndPerClient() throws {
        var settings = CPDBotConfigurationConsoleDefaults.make()
        settings.signInPerAddressPerHour = 2
        settings.signInPerClientPerHour = 3
        let fixture = try ConsoleFixture(console: settings)
        defer { fixture.remove() }
        let browsers = (0..<3).map { TestBrowser(app: fixture.app, client: "10.1.0.\($0)") }
        for browser in browsers {
            browser.post("/sign-in", form: ["email": "head.econ@kazguu.kz", "csrf": TestBrowser.csrf(in: browser.get("/sign-in")) ?? ""])
        }
        #expect(fixture.mailer.sent.count == 2)
        let one = TestBrowser(app: fixture.app, client: "10.2.0.1")
        var statuses: [Int] = []
        for address in ["a@kazguu.kz", "b@kazguu.kz", "c@kazguu.kz", "staff.law@kazguu.kz"] {
            statuses.append(one.post("/sign-in", form: ["email": address, "csrf": TestBrowser.csrf(in: one.get("/sign-in")) ?? ""]).status)
        }
        #expect(statuses == [200, 200, 200, 429])
        // After an hour the client may ask again.
        fixture.clock.advance(3601)
        #expect(one.post("/sign-in", form: ["email": "staff.law@kazguu.kz", "csrf": TestBrowser.csrf(in: one.get("/sign-in")) ?? ""]).status == 200)
        #expect(fixture.mailer.sent.last?.to == "staff.law@kazguu.kz")
    }

    @Test func aForgedOrMissingCSRFTokenIsRefused() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        let browser = TestBrowser(app: fixture.app)
        browser.get("/sign-in")
        #expect(browser.post("/sign-in", form: ["email": "head.law@kazguu.kz", "csrf": String(repeating: "0", count: 64)]).status == 403)
        #expect(browser.post("/sign-in", form: ["email": "head.law@kazguu.kz"]).status == 403)
        #expect(fixture.mailer.sent.isEmpty)

        browser.signIn("head.law@kazguu.kz", mailer: fixture.mailer)
        #expect(browser.cookies[ConsoleApp.sessionCookie] != nil)
        #expect(browser.post("/sign-out", form: ["csrf": "forged"]).status == 403)
        #expect(browser.get("/me").status == 200)
        let page = browser.get("/me")
        #expect(browser.post("/sign-out", form: ["csrf": TestBrowser.csrf(in: page) ?? ""]).status == 303)
        #expect(browser.get("/me").status == 303)
    }

    @Test func aSessionEndsAfterItsIdleAndItsAbsoluteTime() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        let browser = TestBrowser(app: fixture.app)
        browser.signIn("staff.law@kazguu.kz", mailer: fixture.mailer)
        #expect(browser.get("/me").status == 200)
        fixture.clock.advance(29 * 60)
        #expect(browser.get("/me").status == 200)
        fixture.clock.advance(31 * 60)
        #expect(browser.get("/me").status == 303)

        browser.signIn("staff.law@kazguu.kz", mailer: fixture.mailer)
        for _ in 0..<(12 * 3) {
            fixture.clock.advance(20 * 60)
            _ = browser.get("/me")
        }
        #expect(browser.get("/me").status == 303)
    }

    @Test func cookiesAreHttpOnlyStrictAndSecureBehindTLS() throws {
        var settings = CPDBotConfigurationConsoleDefaults.make()
        settings.publicURL = "https://hr.kazguu.kz/console"
        let fixture = try ConsoleFixture(console: settings)
        defer { fixture.remove() }
        let response = fixture.app.handle(ConsoleRequest(method: "GET", path: "/sign-in"))
        let cookie = try #require(response.header("Set-Cookie").first)
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Secure"))
        let plain = try ConsoleFixture()
        defer { plain.remove() }
        #expect(plain.app.handle(ConsoleRequest(method: "GET", path: "/sign-in")).header("Set-Cookie").first?.contains("Secure") == false)
    }

    @Test func rateLimiterSlidesItsWindow() {
        var limiter = RateLimiter(limit: 2, window: 60)
        let start = Date(timeIntervalSince1970: 0)
        let answers = [(0, "a"), (10, "a"), (20, "a"), (20, "b"), (61, "a")].map { seconds, key in
            limiter.allow(key, now: start.addingTimeInterval(TimeInterval(seconds)))
        }
        #expect(answers == [true, true, false, true, true])
    }
}

enum CPDBotConfigurationConsoleDefaults {
    static func make() -> CPDBotConfiguration.Console { .init() }
}
