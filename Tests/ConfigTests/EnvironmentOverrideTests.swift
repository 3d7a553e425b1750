import Foundation
import Testing
@testable import Config

struct EnvironmentCase: Sendable, CustomTestStringConvertible {
    var variable: String
    var value: String
    var expected: CPDBotConfiguration
    var testDescription: String { "\(variable)=\(value)" }
}

@Suite struct EnvironmentOverrideTests {
    /// The file sets every key to something else, so each row shows the environment winning.
    static let file = """
        imap: { url: "imaps://file.kz:993", user: file@file.kz, password_env: FILE_PW, password_file: /file/pw, mailbox: FileBox,
                sent_folder: FileSent, processed_folder: FileDone, rejected_folder: FileNo, ignored_folder: FileQuiet,
                reported_folder: FileTold }
        smtp: { url: "smtps://file.kz:465", user: file@file.kz, password_env: FILE_PW2, password_file: /file/pw2,
                server_saves_sent: no, max_messages_per_minute: 30, max_recipients_per_day: 10000 }
        tls: { ca_file: /file/ca.pem, allow_plaintext_on_loopback: true }
        bot: { address: bot@file.kz, dshr: [d@file.kz], language: ru, trusted_authserv_id: mx.file.kz, admin: [a@file.kz] }
        store: { path: /file/store }
        limits: { max_message_bytes: 20 MiB, max_attachment_bytes: 2 MiB, max_rows: 100 }
        replies: { max_per_sender_per_hour: 3 }
        signature: { department_kk: Ф-бөлім, department_ru: Ф-отдел, department_en: F-dept, contact: F, phone: "1", room: "1", email: f@file.kz }
        poll_interval_seconds: 60
        alerts: { after_minutes: 45 }
        console: { listen: "0.0.0.0:9000", public_url: "https://file.kz/c", link_valid_minutes: 10, session_idle_minutes: 20,
                   session_absolute_hours: 8, sign_in_per_address_per_hour: 3, sign_in_per_client_per_hour: 10,
                   write_wait_seconds: 90, nice: 5, workers: 3, stale_page_ms: 500,
                   max_requests_per_second: 300, max_request_wait_ms: 1500 }
        oauth2:
          provider: generic
          tenant: file-tenant
          token_url: "https://sso.file.kz/token"
          client_id: file-client
          client_secret_file: /file/secret
          scope: file-scope
          mechanism: oauthbearer
          subject: box@file.kz
          timeout_seconds: 10
          max_response_bytes: 8 KiB
        """

    static func fromFile(_ change: (inout CPDBotConfiguration) -> Void) -> CPDBotConfiguration {
        // Loading the file above cannot fail (the test `fileAloneLoads` checks it).
        var configuration = (try? load(file))?.configuration ?? CPDBotConfiguration()
        change(&configuration)
        return configuration
    }

    static let cases: [EnvironmentCase] = [
        EnvironmentCase(variable: "CPDBOT_IMAP_URL", value: "imap://127.0.0.1:10143", expected: fromFile { $0.imap.url = URL(string: "imap://127.0.0.1:10143")! }),
        EnvironmentCase(variable: "CPDBOT_IMAP_USER", value: "env@kazguu.kz", expected: fromFile { $0.imap.user = "env@kazguu.kz" }),
        EnvironmentCase(variable: "CPDBOT_IMAP_PASSWORD_ENV", value: "ENV_PW", expected: fromFile { $0.imap.password.environmentVariable = "ENV_PW" }),
        EnvironmentCase(variable: "CPDBOT_IMAP_PASSWORD_FILE", value: "", expected: fromFile { $0.imap.password.file = nil }),
        EnvironmentCase(variable: "CPDBOT_IMAP_MAILBOX", value: "Входящие", expected: fromFile { $0.imap.mailbox = "Входящие" }),
        EnvironmentCase(variable: "CPDBOT_SMTP_URL", value: "smtp://127.0.0.1:10587", expected: fromFile { $0.smtp.url = URL(string: "smtp://127.0.0.1:10587")! }),
        EnvironmentCase(variable: "CPDBOT_SMTP_USER", value: "env@kazguu.kz", expected: fromFile { $0.smtp.user = "env@kazguu.kz" }),
        EnvironmentCase(variable: "CPDBOT_SMTP_PASSWORD_ENV", value: "ENV_PW", expected: fromFile { $0.smtp.password.environmentVariable = "ENV_PW" }),
        EnvironmentCase(variable: "CPDBOT_SMTP_PASSWORD_FILE", value: "/env/pw", expected: fromFile { $0.smtp.password.file = "/env/pw" }),
        EnvironmentCase(variable: "CPDBOT_TLS_CA_FILE", value: "/env/ca.pem", expected: fromFile { $0.tls.caFile = "/env/ca.pem" }),
        EnvironmentCase(variable: "CPDBOT_TLS_ALLOW_PLAINTEXT_ON_LOOPBACK", value: "false", expected: fromFile { $0.tls.allowPlaintextOnLoopback = false }),
        EnvironmentCase(variable: "CPDBOT_BOT_ADDRESS", value: "Env@Kazguu.kz", expected: fromFile { $0.bot.address = "env@kazguu.kz" }),
        EnvironmentCase(variable: "CPDBOT_BOT_DSHR", value: "a@kazguu.kz, b@kazguu.kz", expected: fromFile { $0.bot.dshr = ["a@kazguu.kz", "b@kazguu.kz"] }),
        EnvironmentCase(variable: "CPDBOT_BOT_LANGUAGE", value: "en", expected: fromFile { $0.bot.language = .en }),
        EnvironmentCase(variable: "CPDBOT_BOT_TRUSTED_AUTHSERV_ID", value: "mx.env.kz", expected: fromFile { $0.bot.trustedAuthservID = "mx.env.kz" }),
        EnvironmentCase(variable: "CPDBOT_STORE_PATH", value: "/env/store", expected: fromFile { $0.store.path = "/env/store" }),
        EnvironmentCase(variable: "CPDBOT_BOT_TIME_ZONE", value: "Asia/Aqtobe", expected: fromFile { $0.bot.timeZone = TimeZone(identifier: "Asia/Aqtobe")! }),
        EnvironmentCase(variable: "CPDBOT_BOT_TEMPLATES_DIR", value: "/env/templates", expected: fromFile { $0.bot.templatesDirectory = "/env/templates" }),
        EnvironmentCase(variable: "CPDBOT_RULES_POLICY_FILE", value: "/env/policy.yml", expected: fromFile { $0.rules.policyFile = "/env/policy.yml" }),
        EnvironmentCase(variable: "CPDBOT_RULES_HOLIDAYS_FILE", value: "/env/holidays.yml", expected: fromFile { $0.rules.holidaysFile = "/env/holidays.yml" }),
        EnvironmentCase(variable: "CPDBOT_LIMITS_MAX_MESSAGE_BYTES", value: "40MiB", expected: fromFile { $0.limits.maxMessageBytes = 40 << 20 }),
        EnvironmentCase(variable: "CPDBOT_LIMITS_MAX_ATTACHMENT_BYTES", value: "1000", expected: fromFile { $0.limits.maxAttachmentBytes = 1000 }),
        EnvironmentCase(variable: "CPDBOT_LIMITS_MAX_ROWS", value: "7", expected: fromFile { $0.limits.maxRows = 7 }),
        EnvironmentCase(variable: "CPDBOT_LIMITS_MAX_MIME_PARTS", value: "50", expected: fromFile { $0.limits.maxMIMEParts = 50 }),
        EnvironmentCase(variable: "CPDBOT_LIMITS_MAX_MIME_DEPTH", value: "8", expected: fromFile { $0.limits.maxMIMEDepth = 8 }),
        EnvironmentCase(variable: "CPDBOT_LIMITS_MAX_HEADER_LINE_BYTES", value: "2 KiB", expected: fromFile { $0.limits.maxHeaderLineBytes = 2048 }),
        EnvironmentCase(variable: "CPDBOT_LIMITS_MAX_HEADER_BYTES", value: "64 KiB", expected: fromFile { $0.limits.maxHeaderBytes = 65536 }),
        EnvironmentCase(variable: "CPDBOT_LIMITS_MAX_INFLATED_BYTES_PER_FILE", value: "32 MiB",
                        expected: fromFile { $0.limits.maxInflatedBytesPerFile = 32 << 20 }),
        EnvironmentCase(variable: "CPDBOT_LIMITS_MAX_INFLATED_BYTES_PER_MESSAGE", value: "96 MiB",
                        expected: fromFile { $0.limits.maxInflatedBytesPerMessage = 96 << 20 }),
        EnvironmentCase(variable: "CPDBOT_LIMITS_MAX_COMPRESSION_RATIO", value: "100", expected: fromFile { $0.limits.maxCompressionRatio = 100 }),
        EnvironmentCase(variable: "CPDBOT_LIMITS_MAX_XML_TOKEN_BYTES", value: "256 KiB", expected: fromFile { $0.limits.maxXMLTokenBytes = 256 << 10 }),
        EnvironmentCase(variable: "CPDBOT_REPLIES_MAX_PER_SENDER_PER_HOUR", value: "1", expected: fromFile { $0.replies.maxPerSenderPerHour = 1 }),
        EnvironmentCase(variable: "CPDBOT_REPLIES_RECEIPT_LISTED_ROWS", value: "0", expected: fromFile { $0.replies.receiptListedRows = 0 }),
        EnvironmentCase(variable: "CPDBOT_SIGNATURE_DEPARTMENT_KK", value: "Стратегия және HR бөлімі", expected: fromFile { $0.signature.departmentKK = "Стратегия және HR бөлімі" }),
        EnvironmentCase(variable: "CPDBOT_SIGNATURE_DEPARTMENT_RU", value: "Отдел стратегии и HR", expected: fromFile { $0.signature.departmentRU = "Отдел стратегии и HR" }),
        EnvironmentCase(variable: "CPDBOT_SIGNATURE_DEPARTMENT_EN", value: "", expected: fromFile { $0.signature.departmentEN = nil }),
        EnvironmentCase(variable: "CPDBOT_SIGNATURE_CONTACT", value: "Әлиева Аида", expected: fromFile { $0.signature.contact = "Әлиева Аида" }),
        EnvironmentCase(variable: "CPDBOT_SIGNATURE_CONTACT_KK", value: "Әлиева Аида Серікқызы", expected: fromFile { $0.signature.contactKK = "Әлиева Аида Серікқызы" }),
        EnvironmentCase(variable: "CPDBOT_SIGNATURE_CONTACT_RU", value: "Алиева Аида Сериковна", expected: fromFile { $0.signature.contactRU = "Алиева Аида Сериковна" }),
        EnvironmentCase(variable: "CPDBOT_SIGNATURE_CONTACT_EN", value: "Aida Aliyeva", expected: fromFile { $0.signature.contactEN = "Aida Aliyeva" }),
        EnvironmentCase(variable: "CPDBOT_SIGNATURE_PHONE", value: "+7 727 307 00 00", expected: fromFile { $0.signature.phone = "+7 727 307 00 00" }),
        EnvironmentCase(variable: "CPDBOT_SIGNATURE_ROOM", value: "214", expected: fromFile { $0.signature.room = "214" }),
        EnvironmentCase(variable: "CPDBOT_SIGNATURE_EMAIL", value: "dshr@kazguu.kz", expected: fromFile { $0.signature.email = "dshr@kazguu.kz" }),
        EnvironmentCase(variable: "CPDBOT_POLL_INTERVAL_SECONDS", value: "5", expected: fromFile { $0.pollIntervalSeconds = 5 }),
        // Issue 18. The file's servers log in with passwords, so any one oauth2 key may change.
        EnvironmentCase(variable: "CPDBOT_IMAP_AUTH", value: "oauth2", expected: fromFile { $0.imap.auth = .oauth2 }),
        EnvironmentCase(variable: "CPDBOT_SMTP_AUTH", value: "oauth2", expected: fromFile { $0.smtp.auth = .oauth2 }),
        EnvironmentCase(variable: "CPDBOT_BOT_ADMIN", value: "it@kazguu.kz, ops@kazguu.kz", expected: fromFile { $0.bot.admin = ["it@kazguu.kz", "ops@kazguu.kz"] }),
        EnvironmentCase(variable: "CPDBOT_ALERTS_AFTER_MINUTES", value: "5", expected: fromFile { $0.alerts.afterMinutes = 5 }),
        EnvironmentCase(variable: "CPDBOT_ALERTS_PLAN_UNCONFIRMED_WORKING_DAYS", value: "5",
                        expected: fromFile { $0.alerts.planUnconfirmedWorkingDays = 5 }),
        EnvironmentCase(variable: "CPDBOT_OAUTH2_PROVIDER", value: "microsoft", expected: fromFile { $0.oauth2.provider = .microsoft }),
        EnvironmentCase(variable: "CPDBOT_OAUTH2_TENANT", value: "env-tenant", expected: fromFile { $0.oauth2.tenant = "env-tenant" }),
        EnvironmentCase(variable: "CPDBOT_OAUTH2_TOKEN_URL", value: "", expected: fromFile { $0.oauth2.tokenURL = nil }),
        EnvironmentCase(variable: "CPDBOT_OAUTH2_CLIENT_ID", value: "env-client", expected: fromFile { $0.oauth2.clientID = "env-client" }),
        EnvironmentCase(variable: "CPDBOT_OAUTH2_CLIENT_SECRET_FILE", value: "/env/secret", expected: fromFile { $0.oauth2.clientSecretFile = "/env/secret" }),
        EnvironmentCase(variable: "CPDBOT_OAUTH2_CERTIFICATE_FILE", value: "/env/cert.pem", expected: fromFile { $0.oauth2.certificateFile = "/env/cert.pem" }),
        EnvironmentCase(variable: "CPDBOT_OAUTH2_PRIVATE_KEY_FILE", value: "/env/key.pem", expected: fromFile { $0.oauth2.privateKeyFile = "/env/key.pem" }),
        EnvironmentCase(variable: "CPDBOT_OAUTH2_SERVICE_ACCOUNT_FILE", value: "/env/sa.json", expected: fromFile { $0.oauth2.serviceAccountFile = "/env/sa.json" }),
        EnvironmentCase(variable: "CPDBOT_OAUTH2_SCOPE", value: "env-scope", expected: fromFile { $0.oauth2.scope = "env-scope" }),
        EnvironmentCase(variable: "CPDBOT_OAUTH2_MECHANISM", value: "XOAUTH2", expected: fromFile { $0.oauth2.mechanism = .xoauth2 }),
        EnvironmentCase(variable: "CPDBOT_OAUTH2_SUBJECT", value: "", expected: fromFile { $0.oauth2.subject = nil }),
        EnvironmentCase(variable: "CPDBOT_OAUTH2_TIMEOUT_SECONDS", value: "90", expected: fromFile { $0.oauth2.timeoutSeconds = 90 }),
        EnvironmentCase(variable: "CPDBOT_OAUTH2_MAX_RESPONSE_BYTES", value: "16KiB", expected: fromFile { $0.oauth2.maxResponseBytes = 16 << 10 }),
        EnvironmentCase(variable: "CPDBOT_IMAP_SENT_FOLDER", value: "Отправленные", expected: fromFile { $0.imap.sentFolder = "Отправленные" }),
        EnvironmentCase(variable: "CPDBOT_IMAP_PROCESSED_FOLDER", value: "Өңделген", expected: fromFile { $0.imap.processedFolder = "Өңделген" }),
        EnvironmentCase(variable: "CPDBOT_IMAP_REJECTED_FOLDER", value: "Archive/Rejected", expected: fromFile { $0.imap.rejectedFolder = "Archive/Rejected" }),
        EnvironmentCase(variable: "CPDBOT_IMAP_IGNORED_FOLDER", value: "Ignored", expected: fromFile { $0.imap.ignoredFolder = "Ignored" }),
        EnvironmentCase(variable: "CPDBOT_IMAP_REPORTED_FOLDER", value: "Reported", expected: fromFile { $0.imap.reportedFolder = "Reported" }),
        EnvironmentCase(variable: "CPDBOT_SMTP_SERVER_SAVES_SENT", value: "auto", expected: fromFile { $0.smtp.serverSavesSent = .auto }),
        EnvironmentCase(variable: "CPDBOT_SMTP_MAX_MESSAGES_PER_MINUTE", value: "0", expected: fromFile { $0.smtp.maxMessagesPerMinute = 0 }),
        EnvironmentCase(variable: "CPDBOT_SMTP_MAX_RECIPIENTS_PER_DAY", value: "2_000", expected: fromFile { $0.smtp.maxRecipientsPerDay = 2000 }),
        EnvironmentCase(variable: "CPDBOT_CERTIFICATES_SIGNATURE_IMAGE", value: "/env/sig.png", expected: fromFile { $0.certificates.signatureImage = "/env/sig.png" }),
        EnvironmentCase(variable: "CPDBOT_CERTIFICATES_STAMP_IMAGE", value: "/env/stamp.png", expected: fromFile { $0.certificates.stampImage = "/env/stamp.png" }),
        EnvironmentCase(variable: "CPDBOT_CERTIFICATES_LOGO_IMAGE", value: "/env/logo.png", expected: fromFile { $0.certificates.logoImage = "/env/logo.png" }),
        EnvironmentCase(variable: "CPDBOT_CERTIFICATES_SIGNATORY", value: "Ә. Ғ. Қасымов", expected: fromFile { $0.certificates.signatory = "Ә. Ғ. Қасымов" }),
        EnvironmentCase(variable: "CPDBOT_CERTIFICATES_VERIFY_URL", value: "https://x.kz/v?n={number}", expected: fromFile { $0.certificates.verifyURL = "https://x.kz/v?n={number}" }),
        EnvironmentCase(variable: "CPDBOT_CERTIFICATES_SECRET_FILE", value: "/env/cert.key", expected: fromFile { $0.certificates.verificationKeyFile = "/env/cert.key" }),
        EnvironmentCase(variable: "CPDBOT_CERTIFICATES_LANGUAGES", value: "KK, ru", expected: fromFile { $0.certificates.languages = [.kk, .ru] }),
        EnvironmentCase(variable: "CPDBOT_RETENTION_RAW_MESSAGES_DAYS", value: "30",
                        expected: fromFile { $0.retention.rawMessagesDays = 30 }),
        EnvironmentCase(variable: "CPDBOT_RETENTION_JOURNAL_PERSONAL_DAYS", value: "60",
                        expected: fromFile { $0.retention.journalPersonalDays = 60 }),
        EnvironmentCase(variable: "CPDBOT_RETENTION_CLOSED_CYCLE_APPLICATIONS_YEARS", value: "2",
                        expected: fromFile { $0.retention.closedCycleApplicationsYears = 2 }),
        EnvironmentCase(variable: "CPDBOT_CONSOLE_LISTEN", value: "[::1]:8081",
                        expected: fromFile { $0.console.listen = .init(host: "::1", port: 8081) }),
        EnvironmentCase(variable: "CPDBOT_CONSOLE_LISTEN", value: "", expected: fromFile { $0.console.listen = nil }),
        EnvironmentCase(variable: "CPDBOT_CONSOLE_PUBLIC_URL", value: "https://hr.kazguu.kz/",
                        expected: fromFile { $0.console.publicURL = "https://hr.kazguu.kz" }),
        EnvironmentCase(variable: "CPDBOT_CONSOLE_LINK_VALID_MINUTES", value: "5", expected: fromFile { $0.console.linkValidMinutes = 5 }),
        EnvironmentCase(variable: "CPDBOT_CONSOLE_SESSION_IDLE_MINUTES", value: "15", expected: fromFile { $0.console.sessionIdleMinutes = 15 }),
        EnvironmentCase(variable: "CPDBOT_CONSOLE_SESSION_ABSOLUTE_HOURS", value: "4", expected: fromFile { $0.console.sessionAbsoluteHours = 4 }),
        EnvironmentCase(variable: "CPDBOT_CONSOLE_SIGN_IN_PER_ADDRESS_PER_HOUR", value: "2",
                        expected: fromFile { $0.console.signInPerAddressPerHour = 2 }),
        EnvironmentCase(variable: "CPDBOT_CONSOLE_SIGN_IN_PER_CLIENT_PER_HOUR", value: "50",
                        expected: fromFile { $0.console.signInPerClientPerHour = 50 }),
        EnvironmentCase(variable: "CPDBOT_CONSOLE_WRITE_WAIT_SECONDS", value: "30",
                        expected: fromFile { $0.console.writeWaitSeconds = 30 }),
        EnvironmentCase(variable: "CPDBOT_CONSOLE_NICE", value: "19", expected: fromFile { $0.console.nice = 19 }),
        EnvironmentCase(variable: "CPDBOT_CONSOLE_WORKERS", value: "1", expected: fromFile { $0.console.workers = 1 }),
        EnvironmentCase(variable: "CPDBOT_CONSOLE_STALE_PAGE_MS", value: "0",
                        expected: fromFile { $0.console.stalePageMilliseconds = 0 }),
        EnvironmentCase(variable: "CPDBOT_CONSOLE_MAX_REQUESTS_PER_SECOND", value: "0",
                        expected: fromFile { $0.console.maxRequestsPerSecond = 0 }),
        EnvironmentCase(variable: "CPDBOT_CONSOLE_MAX_REQUEST_WAIT_MS", value: "250",
                        expected: fromFile { $0.console.maxRequestWaitMilliseconds = 250 }),
    ]

    @Test func fileAloneLoads() throws {
        let loaded = try load(Self.file)
        #expect(loaded.configuration.pollIntervalSeconds == 60)
        #expect(loaded.configuration.bot.language == .ru)
    }

    @Test(arguments: cases)
    func environmentWinsOverTheFile(_ row: EnvironmentCase) throws {
        let loaded = try load(Self.file, environment: [row.variable: row.value])
        #expect(loaded.configuration == row.expected)
        #expect(loaded.configuration != (try load(Self.file)).configuration, "the row changes nothing")
    }

    /// The table above covers the whole schema: a new key needs a row.
    @Test func everyKeyHasAnOverrideRow() {
        let covered = Set(Self.cases.map(\.variable))
        for key in ConfigurationKey.all {
            #expect(covered.contains(key.environmentVariable), "no environment row for \(key.name)")
        }
    }

    @Test(arguments: [
        ("imap.url", "CPDBOT_IMAP_URL"),
        ("poll_interval_seconds", "CPDBOT_POLL_INTERVAL_SECONDS"),
        ("replies.max_per_sender_per_hour", "CPDBOT_REPLIES_MAX_PER_SENDER_PER_HOUR"),
    ])
    func variableNames(_ key: String, _ variable: String) throws {
        let found = try #require(ConfigurationKey.named(key))
        #expect(found.environmentVariable == variable)
    }

    @Test func mistypedVariablesGetANoteNotAnError() throws {
        let environment = [
            "CPDBOT_IMAP_URLL": "x",           // a typo: noted
            "CPDBOT_IMAP_PASSWORD": "secret",  // the password variable in use: not a key, not noted
            "CPDBOT_SANDBOX_DIR": "/tmp/x",    // the scripts' variable: not noted
            "CPDBOT_POLL_INTERVAL": "5",       // a typo of a top-level key: noted
        ]
        let loaded = try load("", environment: environment)
        #expect(loaded.notes == [
            "ignoring the environment variable CPDBOT_IMAP_URLL: no such configuration key (did you mean CPDBOT_IMAP_URL?)",
            "ignoring the environment variable CPDBOT_POLL_INTERVAL: no such configuration key",
        ])
        #expect(loaded.configuration == CPDBotConfiguration())
        #expect(!loaded.notes.joined().contains("secret"))
    }
}
