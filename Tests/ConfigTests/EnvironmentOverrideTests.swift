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
        imap: { url: "imaps://file.kz:993", user: file@file.kz, password_env: FILE_PW, password_file: /file/pw, mailbox: FileBox }
        smtp: { url: "smtps://file.kz:465", user: file@file.kz, password_env: FILE_PW2, password_file: /file/pw2 }
        tls: { ca_file: /file/ca.pem, allow_plaintext_on_loopback: true }
        bot: { address: bot@file.kz, dshr: [d@file.kz], language: ru, trusted_authserv_id: mx.file.kz }
        store: { path: /file/store }
        limits: { max_message_bytes: 20 MiB, max_attachment_bytes: 2 MiB, max_rows: 100 }
        replies: { max_per_sender_per_hour: 3 }
        poll_interval_seconds: 60
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
        EnvironmentCase(variable: "CPDBOT_LIMITS_MAX_MESSAGE_BYTES", value: "40MiB", expected: fromFile { $0.limits.maxMessageBytes = 40 << 20 }),
        EnvironmentCase(variable: "CPDBOT_LIMITS_MAX_ATTACHMENT_BYTES", value: "1000", expected: fromFile { $0.limits.maxAttachmentBytes = 1000 }),
        EnvironmentCase(variable: "CPDBOT_LIMITS_MAX_ROWS", value: "7", expected: fromFile { $0.limits.maxRows = 7 }),
        EnvironmentCase(variable: "CPDBOT_REPLIES_MAX_PER_SENDER_PER_HOUR", value: "1", expected: fromFile { $0.replies.maxPerSenderPerHour = 1 }),
        EnvironmentCase(variable: "CPDBOT_POLL_INTERVAL_SECONDS", value: "5", expected: fromFile { $0.pollIntervalSeconds = 5 }),
        EnvironmentCase(variable: "CPDBOT_RETENTION_RAW_MESSAGES_DAYS", value: "30",
                        expected: fromFile { $0.retention.rawMessagesDays = 30 }),
        EnvironmentCase(variable: "CPDBOT_RETENTION_JOURNAL_PERSONAL_DAYS", value: "60",
                        expected: fromFile { $0.retention.journalPersonalDays = 60 }),
        EnvironmentCase(variable: "CPDBOT_RETENTION_CLOSED_CYCLE_APPLICATIONS_YEARS", value: "2",
                        expected: fromFile { $0.retention.closedCycleApplicationsYears = 2 }),
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
