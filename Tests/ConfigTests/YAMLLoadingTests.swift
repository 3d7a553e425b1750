import Foundation
import Testing
@testable import Config

struct YAMLCase: Sendable, CustomTestStringConvertible {
    var name: String
    var yaml: String
    var expected: CPDBotConfiguration
    var testDescription: String { name }
}

@Suite struct YAMLLoadingTests {
    static let cases: [YAMLCase] = [
        YAMLCase(name: "empty file gives the defaults", yaml: "", expected: defaults()),
        YAMLCase(name: "comments only", yaml: "# nothing here\n", expected: defaults()),
        YAMLCase(
            name: "every section", yaml: """
            imap: { url: "imap://mail.example.kz:143", user: Bot@Example.kz, password_env: HR_IMAP_PW, mailbox: Applications }
            smtp:
              url: smtps://mail.example.kz:465
              user: bot@example.kz
              password_file: /etc/cpdbot/smtp.password
            tls: { ca_file: /etc/ssl/certs/uni-ca.pem, allow_plaintext_on_loopback: true }
            bot:
              address: HR-Intake@Example.kz
              dshr: [dshr@example.kz, Deputy.DSHR@example.kz]
              language: ru
              trusted_authserv_id: mx1.example.kz
            store: { path: /srv/cpdbot/store }
            limits: { max_message_bytes: 30 MiB, max_attachment_bytes: 5000000, max_rows: 500 }
            replies: { max_per_sender_per_hour: 0 }
            poll_interval_seconds: 120
            """,
            expected: defaults {
                $0.imap.url = URL(string: "imap://mail.example.kz:143")!
                $0.imap.user = "Bot@Example.kz"
                $0.imap.password.environmentVariable = "HR_IMAP_PW"
                $0.imap.mailbox = "Applications"
                $0.smtp.url = URL(string: "smtps://mail.example.kz:465")!
                $0.smtp.user = "bot@example.kz"
                $0.smtp.password.file = "/etc/cpdbot/smtp.password"
                $0.tls.caFile = "/etc/ssl/certs/uni-ca.pem"
                $0.tls.allowPlaintextOnLoopback = true
                $0.bot.address = "hr-intake@example.kz"
                $0.bot.dshr = ["dshr@example.kz", "deputy.dshr@example.kz"]
                $0.bot.language = .ru
                $0.bot.trustedAuthservID = "mx1.example.kz"
                $0.store.path = "/srv/cpdbot/store"
                $0.limits = .init(maxMessageBytes: 30 << 20, maxAttachmentBytes: 5_000_000, maxRows: 500)
                $0.replies.maxPerSenderPerHour = 0
                $0.pollIntervalSeconds = 120
            }),
        YAMLCase(
            name: "a single DSHR address without a list", yaml: "bot: { dshr: dshr2@kazguu.kz }",
            expected: defaults { $0.bot.dshr = ["dshr2@kazguu.kz"] }),
        YAMLCase(
            name: "empty ca_file means the system trust store", yaml: "tls:\n  ca_file:\n",
            expected: defaults { $0.tls.caFile = nil }),
        YAMLCase(
            name: "sizes in every unit", yaml: "limits: { max_message_bytes: 1 GiB, max_attachment_bytes: 512KiB, max_rows: 10_000 }",
            expected: defaults { $0.limits = .init(maxMessageBytes: 1 << 30, maxAttachmentBytes: 512 << 10, maxRows: 10_000) }),
        YAMLCase(
            name: "yes/no booleans", yaml: "tls: { allow_plaintext_on_loopback: yes }",
            expected: defaults { $0.tls.allowPlaintextOnLoopback = true }),
        YAMLCase(
            name: "language in capitals", yaml: "bot: { language: EN }",
            expected: defaults { $0.bot.language = .en }),
        YAMLCase(
            name: "quoted number", yaml: "poll_interval_seconds: \"45\"",
            expected: defaults { $0.pollIntervalSeconds = 45 }),
    ]

    @Test(arguments: cases)
    func loads(_ row: YAMLCase) throws {
        let loaded = try load(row.yaml)
        #expect(loaded.configuration == row.expected)
        #expect(loaded.notes.isEmpty)
        #expect(loaded.file == "cpdbot.yml")
    }

    @Test func defaultsMatchTheDocumentedValues() {
        let configuration = CPDBotConfiguration()
        #expect(configuration.imap.url.absoluteString == "imaps://127.0.0.1:10993")
        #expect(configuration.imap.password == PasswordSource(environmentVariable: "CPDBOT_IMAP_PASSWORD"))
        #expect(configuration.smtp.url.absoluteString == "smtp://127.0.0.1:10587")
        #expect(configuration.smtp.password == PasswordSource(environmentVariable: "CPDBOT_SMTP_PASSWORD"))
        #expect(configuration.tls == .init(caFile: "var/mail-sandbox/ca.pem", allowPlaintextOnLoopback: false))
        #expect(configuration.bot == .init(address: "hr-intake@kazguu.kz", dshr: ["dshr@kazguu.kz"], language: .kk, trustedAuthservID: "mx.kazguu.kz"))
        #expect(configuration.store.path == "var/store")
        #expect(configuration.limits == .init(maxMessageBytes: 26_214_400, maxAttachmentBytes: 10_485_760, maxRows: 10_000))
        #expect(configuration.replies.maxPerSenderPerHour == 5)
        #expect(configuration.pollInterval == .seconds(30))
    }

    /// The committed example must load, hold every key of the schema, and document the defaults.
    @Test func exampleFileLoadsToTheDefaults() throws {
        let path = repositoryRoot.appendingPathComponent("config/cpdbot.example.yml").path
        let loaded = try ConfigurationLoader(environment: [:]).load(file: path)
        #expect(loaded.configuration == CPDBotConfiguration())
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for key in ConfigurationKey.all.map(\.name) {
            let leaf = key.split(separator: ".").last.map(String.init) ?? key
            #expect(text.contains(leaf + ":"), "the example does not mention \(key)")
        }
    }
}
