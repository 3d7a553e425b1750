import Config
import Curl
import Foundation
import Logging
import MIME
import Mail
import OAuth
import Store
import Testing
@testable import Bot

/// Issue 18, items 1, 2, 7 and 9 against the sandbox's real Dovecot (oauth2 passdb), Postfix
/// (SASL through Dovecot) and token endpoint: whole polls and a `run` over OAuth2 for the three
/// grants and both mechanisms, tokens that live 20 seconds under IDLE, a revoked secret, and
/// no token or secret anywhere in the store or the output.
@Suite(.serialized, .enabled(if: OAuthSandbox.isAvailable, "mail sandbox with its OAuth2 token endpoint not running (scripts/mail-sandbox up)"))
struct OAuthLoginSandboxTests {
    static let dshr = "staff1979@kazguu.kz"

    struct Case: Sendable, CustomTestStringConvertible {
        var grant: OAuthSandbox.Grant
        var mechanism: CPDBotConfiguration.OAuth2.Mechanism
        var number: Int
        var testDescription: String { "\(grant.rawValue) over \(mechanism.rawValue)" }
    }

    static let cases: [Case] = [
        Case(grant: .clientSecret, mechanism: .xoauth2, number: 1960),
        Case(grant: .clientSecret, mechanism: .oauthbearer, number: 1961),
        Case(grant: .certificate, mechanism: .xoauth2, number: 1962),
        Case(grant: .certificate, mechanism: .oauthbearer, number: 1963),
        Case(grant: .serviceAccount, mechanism: .xoauth2, number: 1964),
        Case(grant: .serviceAccount, mechanism: .oauthbearer, number: 1965),
    ]

    static func folder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-oauth-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func strangerMail(from stranger: String, to bot: String, number: Int, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("stranger-\(number).eml")
        try Data(("From: <\(stranger)>\r\nTo: <\(bot)>\r\nSubject: Сұрақ \(number)\r\nDate: Wed, 25 Nov 2026 10:00:00 +0500\r\n"
                  + "Message-ID: <oauth-\(number)-\(UUID().uuidString)@kazguu.kz>\r\nMIME-Version: 1.0\r\n"
                  + "Content-Type: text/plain; charset=utf-8\r\n\r\nСәлеметсіз бе!\r\n").utf8).write(to: url)
        return url
    }

    static func roster(_ store: FileStore) throws {
        try ("email,full_name,category,unit,role,leadership,lang\n\(dshr),ДШРД,ABP,ДШРД,dshr,yes,kk\n")
            .write(to: store.roster.url, atomically: true, encoding: .utf8)
    }

    /// A stranger writes; the bot (logged in to IMAP and SMTP with tokens) refuses politely, once.
    @Test(arguments: cases)
    func pollOverOAuth2(_ test: Case) throws {
        let oauth = try OAuthSandbox()
        let sandbox = oauth.sandbox
        let bot = "staff\(test.number)@kazguu.kz", stranger = "staff\(test.number + 10)@kazguu.kz"
        try sandbox.reset([bot, stranger])
        let folder = try Self.folder("poll")
        defer { try? FileManager.default.removeItem(at: folder) }
        let clientID = "cpdbot-it-\(test.number)"
        var secret: String?
        var secretFile: String?
        switch test.grant {
        case .clientSecret:
            (secretFile, secret) = try oauth.registerSecretClient(id: clientID, mailbox: bot, in: folder)
        case .certificate:
            try oauth.register(["client_id": clientID, "certificate_file": oauth.directory.appendingPathComponent("client-cert.pem").path,
                                "mailbox": bot, "mailboxes": [bot], "token_lifetime_seconds": 3600])
        case .serviceAccount:
            try oauth.delegateServiceAccount(to: bot)
        }
        defer {
            try? oauth.unregister(clientID)
            if test.grant == .serviceAccount { try? oauth.delegateServiceAccount(to: bot, undo: true) }
        }

        let storeURL = folder.appendingPathComponent("store")
        let store = try FileStore(root: storeURL)
        try Self.roster(store)
        var configuration = sandbox.configuration(botUser: bot, store: storeURL)
        configuration.imap.password = PasswordSource(environmentVariable: "CPDBOT_TEST_UNSET")  // never used
        configuration.smtp.password = PasswordSource(environmentVariable: "CPDBOT_TEST_UNSET")
        configuration.bot.dshr = [Self.dshr]
        oauth.useOAuth2(&configuration, grant: test.grant, clientID: clientID, secretFile: secretFile, mechanism: test.mechanism)
        let environment = BotEnvironment(configuration: configuration, store: store,
                                         templatesDirectory: MailSandbox.repository.appendingPathComponent("templates"),
                                         logger: Logger(label: "test"))
        try sandbox.deliver([try Self.strangerMail(from: stranger, to: bot, number: test.number, in: folder)], to: bot)

        let runner = try BotRunner(environment: environment)
        defer { runner.disconnect() }
        let report = try runner.poll()
        #expect(report.outcomes["rejected"] == 1)
        #expect(report.sent == 1)
        try sandbox.waitUntil(seconds: 20) { try sandbox.messageIDs(of: stranger, in: "INBOX").count == 1 }
        #expect(try sandbox.messageIDs(of: stranger, in: "INBOX").count == 1)
        let again = try runner.poll()
        #expect(again.sent == 0 && again.outcomes["rejected", default: 0] == 0)
        #expect(try store.mailbox.load().loginFailingSince == nil)

        let everything = OAuthSandbox.allText(under: storeURL)
        #expect(OAuthSandbox.jsonWebTokens(in: everything).isEmpty)
        if let secret { #expect(!everything.contains(secret)) }
    }

    /// A revoked secret: `cpdbot poll` exits 2 naming the token endpoint; the failure is in
    /// `cpdbot status` and DSHR gets the alert (SMTP logs in with its password here); nothing
    /// secret in the store or the output.
    @Test func revokedSecretExitsTwoAndAlerts() throws {
        guard CPDBotBinary.url != nil else { return }
        let oauth = try OAuthSandbox()
        let sandbox = oauth.sandbox
        let bot = "staff1966@kazguu.kz"
        try sandbox.reset([bot, Self.dshr])
        let folder = try Self.folder("revoked")
        defer { try? FileManager.default.removeItem(at: folder) }
        let clientID = "cpdbot-it-revoked"
        let (secretFile, secret) = try oauth.registerSecretClient(id: clientID, mailbox: bot, in: folder)
        defer { try? oauth.unregister(clientID) }
        // Entra's way: the secret has expired (AADSTS7000222).
        try oauth.register(["client_id": clientID, "client_secret_file": secretFile, "mailbox": bot, "mailboxes": [bot],
                            "client_secret_expires_at": Date().timeIntervalSince1970 - 60])

        let storeURL = folder.appendingPathComponent("store")
        let store = try FileStore(root: storeURL)
        try Self.roster(store)
        let config = folder.appendingPathComponent("cpdbot.yml")
        try ("""
            imap: { url: "imaps://127.0.0.1:10993", user: \(bot), auth: oauth2, mailbox: INBOX }
            smtp: { url: "smtp://127.0.0.1:10587", user: \(bot), password_file: \(sandbox.passwordFile) }
            tls: { ca_file: \(sandbox.caFile) }
            bot: { address: \(bot), dshr: [\(Self.dshr)], admin: [\(Self.dshr)], language: ru }
            store: { path: \(storeURL.path) }
            oauth2: { provider: microsoft, token_url: "\(OAuthSandbox.tokenURL)", client_id: \(clientID), client_secret_file: \(secretFile) }

            """).write(to: config, atomically: true, encoding: .utf8)
        let log = folder.appendingPathComponent("poll.log")
        let poll = try CPDBotBinary.start(["poll", "--config", config.path], logTo: log)
        poll.waitUntilExit()
        let output = try String(contentsOf: log, encoding: .utf8)
        #expect(poll.terminationStatus == 2)
        let reason = try #require(output.split(separator: "\n").last { $0.hasPrefix("cpdbot: ") })
        #expect(reason.contains("token endpoint 127.0.0.1:10443"))
        #expect(reason.contains("AADSTS7000222"))

        let statusLog = folder.appendingPathComponent("status.log")
        let status = try CPDBotBinary.start(["status", "--config", config.path], logTo: statusLog)
        status.waitUntilExit()
        let statusText = try String(contentsOf: statusLog, encoding: .utf8)
        #expect(statusText.contains("FAILING since"))
        #expect(statusText.contains("invalid_client"))
        #expect(statusText.contains("alerted"))

        try sandbox.waitUntil(seconds: 20) { try sandbox.messages(of: Self.dshr).count == 1 }
        let alerts = try sandbox.messages(of: Self.dshr)
        #expect(alerts.count == 1)
        let alert = try MessageParser().parse([UInt8](alerts.first ?? Data())).readableText()
        #expect(alert.contains("127.0.0.1:10443"))
        #expect(alert.contains("AADSTS7000222"))
        #expect(alert.contains("не может войти"))

        let everything = OAuthSandbox.allText(under: storeURL) + output + statusText
        #expect(!everything.contains(secret))
        #expect(OAuthSandbox.jsonWebTokens(in: everything).isEmpty)
    }

    /// `cpdbot run` with tokens that live 20 seconds, IDLE, and mail arriving for about 70 s:
    /// sessions log in again with fresh tokens, every message is answered exactly once – over
    /// both SASL mechanisms (Exchange Online offers only XOAUTH2).
    @Test(arguments: ["oauthbearer", "xoauth2"])
    func twentySecondTokensUnderRun(mechanism: String) throws {
        guard CPDBotBinary.url != nil else { return }
        let oauth = try OAuthSandbox()
        let sandbox = oauth.sandbox
        let bot = "staff1967@kazguu.kz", stranger = "staff1977@kazguu.kz"
        try sandbox.reset([bot, stranger])
        let folder = try Self.folder("run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let clientID = "cpdbot-it-short-\(UUID().uuidString.prefix(8))"
        let (secretFile, secret) = try oauth.registerSecretClient(id: clientID, mailbox: bot, in: folder, lifetime: 20)
        defer { try? oauth.unregister(clientID) }
        let storeURL = folder.appendingPathComponent("store")
        let store = try FileStore(root: storeURL)
        try Self.roster(store)
        let config = folder.appendingPathComponent("cpdbot.yml")
        try ("""
            imap: { url: "imaps://127.0.0.1:10993", user: \(bot), auth: oauth2, mailbox: INBOX }
            smtp: { url: "smtp://127.0.0.1:10587", user: \(bot), auth: oauth2 }
            tls: { ca_file: \(sandbox.caFile) }
            bot: { address: \(bot), dshr: [\(Self.dshr)], language: kk }
            store: { path: \(storeURL.path) }
            replies: { max_per_sender_per_hour: 1000 }
            poll_interval_seconds: 60
            oauth2: { provider: generic, token_url: "\(OAuthSandbox.tokenURL)", client_id: \(clientID), client_secret_file: \(secretFile), mechanism: \(mechanism) }

            """).write(to: config, atomically: true, encoding: .utf8)
        let log = folder.appendingPathComponent("run.log")
        let run = try CPDBotBinary.start(["run", "--config", config.path], logTo: log)
        defer { if run.isRunning { run.terminate() } }
        let endpointLog = sandbox.directory.appendingPathComponent("log/token-endpoint.log")
        let issuedBefore = Self.issued(to: clientID, in: endpointLog)

        var sent = 0
        let start = Date()
        while Date().timeIntervalSince(start) < 70 {
            sent += 1
            try sandbox.deliver([try Self.strangerMail(from: stranger, to: bot, number: sent, in: folder)], to: bot)
            Thread.sleep(forTimeInterval: 6)
        }
        try sandbox.waitUntil(seconds: 30) { try sandbox.messageIDs(of: stranger, in: "INBOX").count >= sent }
        Thread.sleep(forTimeInterval: 3)  // a duplicate would arrive now
        run.terminate()
        run.waitUntilExit()
        let output = try String(contentsOf: log, encoding: .utf8)

        #expect(try sandbox.messageIDs(of: bot, in: "Rejected").count == sent)
        let replies = try sandbox.messageIDs(of: stranger, in: "INBOX")
        #expect(replies.count == sent, "\(replies.count) replies to \(sent) messages")
        #expect(Set(replies).count == replies.count)
        // 70 s of 20-second tokens renewed after 15 s: at least four tokens.
        #expect(Self.issued(to: clientID, in: endpointLog) - issuedBefore >= 4)
        let everything = OAuthSandbox.allText(under: storeURL) + output
        #expect(!everything.contains(secret))
        #expect(OAuthSandbox.jsonWebTokens(in: everything).isEmpty)
        #expect(try store.mailbox.load().loginFailingSince == nil)
    }

    /// A token the server refuses (AUTHENTICATIONFAILED, 535) is dropped and the login tried
    /// once more with a fresh one; a source that only has bad tokens fails after two tries.
    @Test func aRefusedTokenIsReplacedOnce() throws {
        let oauth = try OAuthSandbox()
        let bot = "staff1968@kazguu.kz"
        let folder = try Self.folder("retry")
        defer { try? FileManager.default.removeItem(at: folder) }
        let clientID = "cpdbot-it-retry"
        let (secretFile, _) = try oauth.registerSecretClient(id: clientID, mailbox: bot, in: folder)
        defer { try? oauth.unregister(clientID) }
        var configuration = oauth.sandbox.configuration(botUser: bot, store: folder)
        oauth.useOAuth2(&configuration, grant: .clientSecret, clientID: clientID, secretFile: secretFile, mechanism: .xoauth2)
        let real = try #require(ServerSettings.tokenCache(configuration))

        for mechanism in [SASLMechanism.xoauth2, .oauthBearer] {
            let stale = StaleFirst(real: real, stale: "stale-token")
            var settings = try ServerSettings.imap(configuration, tokens: real)
            settings.login = .bearer(mechanism: mechanism, tokens: stale)
            let imap = try IMAPClient(settings: settings)
            imap.logout()
            #expect(stale.discarded == ["stale-token"], "\(mechanism)")

            var smtpSettings = try ServerSettings.smtp(configuration, tokens: real)
            let staleSMTP = StaleFirst(real: real, stale: "stale-token")
            smtpSettings.login = .bearer(mechanism: mechanism, tokens: staleSMTP)
            let smtp = try SMTPClient(settings: smtpSettings)
            _ = try smtp.send(Data("From: <\(bot)>\r\nTo: <\(bot)>\r\nSubject: t\r\n\r\nx\r\n".utf8), from: bot, to: [bot])
            #expect(staleSMTP.discarded == ["stale-token"], "\(mechanism)")
        }

        let hopeless = StaleFirst(real: nil, stale: "stale-token")
        var settings = try ServerSettings.imap(configuration, tokens: real)
        settings.login = .bearer(mechanism: .xoauth2, tokens: hopeless)
        #expect(throws: MailError.self) { _ = try IMAPClient(settings: settings) }
        #expect(hopeless.discarded == ["stale-token", "stale-token"])
    }

    /// Hands out a stale token first, then the real cache's (or the stale one again).
    final class StaleFirst: AccessTokenSource, @unchecked Sendable {
        let real: TokenCache?
        let stale: String
        private let lock = NSLock()
        private var handedStale = false
        private var _discarded: [String] = []
        var discarded: [String] { lock.withLock { _discarded } }

        init(real: TokenCache?, stale: String) {
            self.real = real
            self.stale = stale
        }

        func accessToken() throws(AccessTokenFailure) -> String {
            let first = lock.withLock { () -> Bool in
                defer { handedStale = true }
                return !handedStale
            }
            if first || real == nil { return stale }
            return try real!.accessToken()
        }

        func discard(_ token: String) { lock.withLock { _discarded.append(token) } }
        var renewalDate: Date? { nil }
    }

    static func issued(to clientID: String, in log: URL) -> Int {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { $0.contains("client_id=\(clientID) ") && $0.contains("issued") }.count
    }
}
