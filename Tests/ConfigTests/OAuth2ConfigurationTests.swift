import Foundation
import Testing
@testable import Config

/// Issue 18: `imap.auth`/`smtp.auth`, the `oauth2` section, `bot.admin`, `alerts.after_minutes`.
@Suite struct OAuth2ConfigurationTests {
    @Test func microsoftWithASecretFile() throws {
        let loaded = try load("""
            imap: { auth: oauth2, user: shared-hr@kazguu.kz }
            smtp: { auth: OAuth2 }
            bot: { admin: [it@kazguu.kz, Ops@kazguu.kz] }
            alerts: { after_minutes: 10 }
            oauth2:
              provider: microsoft
              tenant: kazguu.onmicrosoft.com
              client_id: 1234-abcd
              client_secret_file: /etc/cpdbot/client-secret
              mechanism: oauthbearer
            """)
        let configuration = loaded.configuration
        #expect(configuration.imap.auth == .oauth2 && configuration.smtp.auth == .oauth2)
        #expect(configuration.bot.admin == ["it@kazguu.kz", "ops@kazguu.kz"])
        #expect(configuration.alerts.afterMinutes == 10)
        #expect(configuration.oauth2.mechanism == .oauthbearer)
        #expect(configuration.oauth2.effectiveTokenURL?.absoluteString
            == "https://login.microsoftonline.com/kazguu.onmicrosoft.com/oauth2/v2.0/token")
        #expect(configuration.oauth2.effectiveScope == "https://outlook.office365.com/.default")
    }

    @Test func defaultsNeedNoOAuth2Section() throws {
        let configuration = try load("").configuration
        #expect(configuration.imap.auth == .password && configuration.smtp.auth == .password)
        #expect(!configuration.usesOAuth2)
        #expect(configuration.bot.admin.isEmpty)
        #expect(configuration.alerts.afterMinutes == 30)
        #expect(configuration.oauth2.mechanism == .xoauth2)
    }

    @Test func googleTakesItsScopeAndTheEnvironment() throws {
        let configuration = try load("oauth2: { provider: google, service_account_file: sa.json }", environment: [
            "CPDBOT_SMTP_AUTH": "oauth2", "CPDBOT_OAUTH2_SUBJECT": "HR-Intake@kazguu.kz",
        ]).configuration
        #expect(configuration.smtp.auth == .oauth2 && configuration.imap.auth == .password)
        #expect(configuration.oauth2.effectiveScope == "https://mail.google.com/")
        #expect(configuration.oauth2.subject == "hr-intake@kazguu.kz")
        #expect(configuration.oauth2.effectiveTokenURL == nil)
    }

    static let problems: [IssueCase] = [
        IssueCase(yaml: "imap: { auth: kerberos }", expected: [
            "imap.auth: expected one of password, oauth2, got \"kerberos\" (cpdbot.yml, line 1)",
        ]),
        IssueCase(yaml: "imap: { auth: oauth2 }", expected: ["oauth2.provider: must be set (microsoft, google or generic) because imap.auth is oauth2"]),
        IssueCase(yaml: "smtp: { auth: oauth2 }\noauth2: { provider: microsoft }", expected: [
            "oauth2.tenant: must be set for provider microsoft (the tenant ID or domain), or set oauth2.token_url",
            "oauth2.client_id: must be set for provider microsoft (the application's client ID)",
            "oauth2.client_secret_file: must be set for provider microsoft, or oauth2.certificate_file with oauth2.private_key_file",
        ]),
        IssueCase(yaml: "imap: { auth: oauth2 }\noauth2: { provider: generic, client_id: c, certificate_file: c.pem }", expected: [
            "oauth2.token_url: must be set for provider generic (the https:// URL of the token endpoint)",
            "oauth2.private_key_file: must be set together with oauth2.certificate_file (the certificate's private key, chmod 600)",
        ]),
        IssueCase(yaml: "imap: { auth: oauth2 }\noauth2: { provider: microsoft, tenant: t, client_id: c, client_secret_file: s, private_key_file: k }",
                  expected: ["oauth2.client_secret_file: set either it or oauth2.certificate_file with oauth2.private_key_file, not both"]),
        IssueCase(yaml: "imap: { auth: oauth2 }\noauth2: { provider: google, client_secret_file: s }", expected: [
            "oauth2.service_account_file: must name the service account's key file (JSON, chmod 600) for provider google",
            "oauth2.client_secret_file: is not used with provider google (the service account file holds the key); remove it",
        ]),
        IssueCase(yaml: "oauth2: { token_url: \"http://sso.kazguu.kz/token\" }", expected: [
            "oauth2.token_url: expected an https://host:port URL, got \"http://sso.kazguu.kz/token\" (cpdbot.yml, line 1)",
        ]),
        IssueCase(yaml: "oauth2: { mechanism: plain }", expected: [
            "oauth2.mechanism: expected one of xoauth2, oauthbearer, got \"plain\" (cpdbot.yml, line 1)",
        ]),
        IssueCase(yaml: "oauth2: { client_secret: hunter2 }", expected: [
            "oauth2.client_secret: secrets are never read from the configuration file; use oauth2.client_secret_file, "
                + "oauth2.private_key_file or oauth2.service_account_file (files only the service can read, chmod 600) (cpdbot.yml, line 1)",
        ]),
        IssueCase(yaml: "alerts: { after_minutes: 0 }", expected: [
            "alerts.after_minutes: expected a whole number of minutes from 1 to 10080, got 0 (cpdbot.yml, line 1)",
        ]),
        IssueCase(yaml: "alerts: { plan_unconfirmed_working_days: 31 }", expected: [
            "alerts.plan_unconfirmed_working_days: expected a whole number of working days from 1 to 30, got 31 (cpdbot.yml, line 1)",
        ]),
        IssueCase(yaml: "bot: { admin: [not-an-address] }", expected: [
            "bot.admin: expected e-mail addresses, got \"not-an-address\" (cpdbot.yml, line 1)",
        ]),
    ]

    @Test(arguments: problems)
    func problemsAreNamedByRealKeys(_ problem: IssueCase) {
        #expect(issues(problem.yaml, environment: problem.environment) == problem.expected)
        for line in issues(problem.yaml, environment: problem.environment) {
            let key = String(line.prefix { $0 != ":" })
            #expect(ConfigurationKey.named(key) != nil || key == "oauth2.client_secret", "\(key) is not a key")
        }
    }

    @Test func secretFilesAreLookedUpInTheCredentialsDirectoryFirst() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try writeFile("from-systemd\n", named: "imap-password", in: directory, mode: 0o600)
        let resolver = PasswordResolver(environment: ["CREDENTIALS_DIRECTORY": directory.path])
        let secret = try resolver.resolve(PasswordSource(environmentVariable: "X", file: "imap-password"), section: "imap")
        #expect(secret.reveal() == "from-systemd")
        let tooOpen = try writeFile("x", named: "open", in: directory, mode: 0o640)
        #expect(throws: ConfigurationError.password(key: "oauth2.client_secret_file", problem: "\(tooOpen) can be read by other users "
            + "(mode 0640); make it private with: chmod 600 \(tooOpen)")) {
            _ = try SecretFile(environment: [:]).readLine(tooOpen, key: "oauth2.client_secret_file")
        }
    }
}
