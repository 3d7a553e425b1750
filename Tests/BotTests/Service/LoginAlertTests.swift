import Config
import Curl
import Foundation
import Logging
import MIME
import Mail
import Store
import Testing
import Wording
@testable import Bot

/// Issue 18 item 7: a failed login is recorded at once, and DSHR and the admins get one alert
/// per failure – after `alerts.after_minutes`, or at once when only a person can fix it.
@Suite struct LoginAlertTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var _now = LoginAlertTests.start
        var now: Date { lock.withLock { _now } }
        func advance(minutes: Double) { lock.withLock { _now.addTimeInterval(minutes * 60) } }
    }

    static let refusedToken = MailError.transport(CurlError(kind: .loginDenied, step: "log in", server: "127.0.0.1:10993",
                                                            user: "hr-intake@kazguu.kz", detail: "server said: C1 NO [AUTHENTICATIONFAILED]"))
    static let endpointDown = MailError.tokenUnavailable(AccessTokenFailure(
        "could not get a token from the token endpoint 127.0.0.1:10443 for client c: timed out", needsAttentionNow: false))
    static let revokedSecret = MailError.tokenUnavailable(AccessTokenFailure(
        "the token endpoint 127.0.0.1:10443 refused client c: invalid_client (secret revoked) (HTTP 401)", needsAttentionNow: true))

    @Test func whatCountsAsALoginFailure() {
        #expect(LoginAlert.failure(in: Self.refusedToken)?.needsAttentionNow == false)
        #expect(LoginAlert.failure(in: Self.endpointDown)?.needsAttentionNow == false)
        #expect(LoginAlert.failure(in: Self.revokedSecret)?.needsAttentionNow == true)
        #expect(LoginAlert.failure(in: ConfigurationError.password(key: "imap.password_file", problem: "x"))?.needsAttentionNow == true)
        #expect(LoginAlert.failure(in: MailError.transport(CurlError(kind: .connectionRefused, step: "log in", server: "s"))) == nil)
    }

    @Test(arguments: [
        (29.9, false, false, false), (30.0, false, false, true), (0.0, true, false, true), (45.0, false, true, false),
    ])
    func isDue(minutes: Double, urgent: Bool, alerted: Bool, expected: Bool) {
        let failure = LoginAlert.Failure(reason: "r", needsAttentionNow: urgent)
        #expect(LoginAlert.isDue(since: Self.start, now: Self.start.addingTimeInterval(minutes * 60), failure: failure,
                                 alreadyAlerted: alerted, afterMinutes: 30) == expected)
    }

    static func fixture(clock: Clock) throws -> (LoginAlert, FileStore, URL) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-login-alert-\(UUID().uuidString)")
        let store = try FileStore(root: url)
        var configuration = CPDBotConfiguration()
        configuration.bot.admin = ["it@kazguu.kz", "dshr@kazguu.kz"]
        configuration.imap.auth = .oauth2
        let templates = MailSandbox.repository.appendingPathComponent("templates")
        let environment = BotEnvironment(configuration: configuration, store: store, templatesDirectory: templates,
                                         logger: Logger(label: "test"), now: { clock.now })
        let replies = ReplyWriter(environment: environment, renderer: try TemplateLibraryRenderer(directory: templates))
        return (LoginAlert(environment: environment, replies: replies), store, url)
    }

    @Test func oneAlertPerFailureAfterTheWait() throws {
        let clock = Clock()
        let (alert, store, url) = try Self.fixture(clock: clock)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try alert.recordFailure(Self.refusedToken) == false)
        var state = try store.mailbox.load()
        #expect(state.loginFailingSince == Self.start)
        #expect(state.loginFailure?.contains("AUTHENTICATIONFAILED") == true)
        clock.advance(minutes: 31)
        #expect(try alert.recordFailure(Self.endpointDown) == true)
        #expect(try alert.recordFailure(Self.endpointDown) == false)
        let entries = try store.outbox.all()
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry.purpose.hasPrefix(LoginAlert.purposePrefix))
        #expect(entry.recipients == ["dshr@kazguu.kz", "it@kazguu.kz"])
        let text = try MessageParser().parse([UInt8](try store.outbox.raw(messageID: entry.messageID))).readableText()
        #expect(text.contains("127.0.0.1:10443"))
        state = try store.mailbox.load()
        #expect(state.loginAlertedAt == clock.now)
        // Logging in works again: the failure is over, and the alert that never went out (SMTP
        // failed too) is withdrawn; the next failure is a new one with its own alert.
        try alert.recordSuccess()
        guard case .failedPermanent(_, let reason) = try store.outbox.all().first?.state else {
            Issue.record("the unsent alert was not withdrawn")
            return
        }
        #expect(reason.hasPrefix("withdrawn"))
        #expect(try store.mailbox.load().loginFailingSince == nil)
        clock.advance(minutes: 5)
        #expect(try alert.recordFailure(Self.revokedSecret) == true)
        #expect(try store.outbox.all().count == 2)
    }

    @Test func otherFailuresAreNotLoginFailures() throws {
        let clock = Clock()
        let (alert, store, url) = try Self.fixture(clock: clock)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try alert.recordFailure(MailError.transport(CurlError(kind: .timedOut, step: "log in", server: "s"))) == false)
        #expect(try store.mailbox.load().loginFailingSince == nil)
    }

    @Test(arguments: ["kk", "ru", "en"])
    func theAlertReadsInEachLanguage(language: String) throws {
        let renderer = try TemplateLibraryRenderer(directory: MailSandbox.repository.appendingPathComponent("templates"))
        let values = LoginAlert.values(since: Self.start, reason: "the token endpoint e refused client c: invalid_client",
                                       configuration: CPDBotConfiguration())
        let rendered = try renderer.render("login_alert", language: language, context: { _ in values })
        #expect(rendered.subject.contains("hr-intake@kazguu.kz"))
        #expect(rendered.text.contains("invalid_client"))
        let start = LongDate.text(year: 2027, month: 1, day: 15, hour: 13, minute: 0, language: WordingLanguage(rawValue: language)!)
        #expect(rendered.text.contains(start), "\(rendered.text)")  // the start, at UTC+5
        #expect(!rendered.text.contains("{{"))
        #expect(rendered.html?.contains("invalid_client") == true)
    }

    @Test func idleEndsBeforeTheSessionsTokenIsDue() {
        let now = Self.start
        #expect(BotRunner.waitTimeout(pollInterval: .seconds(30), renewal: nil, now: now) == .seconds(30))
        #expect(BotRunner.waitTimeout(pollInterval: .seconds(30), renewal: now.addingTimeInterval(12), now: now) == .seconds(12))
        #expect(BotRunner.waitTimeout(pollInterval: .seconds(30), renewal: now.addingTimeInterval(600), now: now) == .seconds(30))
        #expect(BotRunner.waitTimeout(pollInterval: .seconds(30), renewal: now.addingTimeInterval(-5), now: now) == .seconds(1))
    }
}
