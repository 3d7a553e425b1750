import Testing
@testable import Config

struct IssueCase: Sendable, CustomTestStringConvertible {
    var yaml: String
    var environment: [String: String] = [:]
    var expected: [String]
    var testDescription: String { expected.first ?? yaml }
}

@Suite struct InvalidConfigurationTests {
    static let unknownKeys: [IssueCase] = [
        IssueCase(yaml: "imap:\n  urll: imaps://x.kz", expected: ["imap.urll: unknown key (did you mean imap.url?) (cpdbot.yml, line 2)"]),
        IssueCase(yaml: "polling: 5", expected: ["polling: unknown key (cpdbot.yml, line 1)"]),
        IssueCase(yaml: "pop3: { url: x }", expected: ["pop3.url: unknown key (cpdbot.yml, line 1)"]),
        IssueCase(yaml: "bot: { adress: a@b.kz }", expected: ["bot.adress: unknown key (did you mean bot.address?) (cpdbot.yml, line 1)"]),
        IssueCase(yaml: "imap: imaps://x.kz", expected: [
            "imap: expected a section with the keys imap.url, imap.user, imap.password_env, imap.password_file, imap.mailbox, imap.sent_folder, imap.processed_folder, imap.rejected_folder, imap.ignored_folder, imap.reported_folder, imap.auth (cpdbot.yml, line 1)",
        ]),
        IssueCase(yaml: "imap: { url: { host: x } }", expected: [
            "imap.url: expected a value, got a mapping (sections hold keys, keys hold values) (cpdbot.yml, line 1)",
        ]),
        IssueCase(yaml: "- imap\n- smtp", expected: ["(top level): expected a mapping of sections (imap:, smtp:, …) (cpdbot.yml, line 1)"]),
        // Every problem is reported, not just the first.
        IssueCase(yaml: "imap: { urll: x }\nstore: { pth: y }", expected: [
            "imap.urll: unknown key (did you mean imap.url?) (cpdbot.yml, line 1)",
            "store.pth: unknown key (did you mean store.path?) (cpdbot.yml, line 2)",
        ]),
    ]

    @Test(arguments: unknownKeys)
    func unknownKeysAreNamed(_ row: IssueCase) {
        #expect(issues(row.yaml, environment: row.environment) == row.expected)
    }

    static let badValues: [IssueCase] = [
        IssueCase(yaml: "poll_interval_seconds: abc", expected: [
            #"poll_interval_seconds: expected a whole number of seconds, got "abc" (cpdbot.yml, line 1)"#,
        ]),
        IssueCase(yaml: "poll_interval_seconds: 0", expected: [
            "poll_interval_seconds: expected a whole number of seconds from 1 to 86400, got 0 (cpdbot.yml, line 1)",
        ]),
        IssueCase(yaml: "poll_interval_seconds: 2.5", expected: [
            #"poll_interval_seconds: expected a whole number of seconds, got "2.5" (cpdbot.yml, line 1)"#,
        ]),
        IssueCase(yaml: "poll_interval_seconds: [1, 2]", expected: [
            "poll_interval_seconds: expected a whole number of seconds, got a list of 2 (cpdbot.yml, line 1)",
        ]),
        IssueCase(yaml: "imap: { url: http://127.0.0.1:10993 }", expected: [
            #"imap.url: expected an imaps://host:port or imap://host:port URL, got "http://127.0.0.1:10993" (cpdbot.yml, line 1)"#,
        ]),
        IssueCase(yaml: "smtp: { url: imaps://127.0.0.1:10993 }", expected: [
            #"smtp.url: expected an smtps://host:port or smtp://host:port URL, got "imaps://127.0.0.1:10993" (cpdbot.yml, line 1)"#,
        ]),
        IssueCase(yaml: "imap: { url: \"imaps://bot:hunter2@127.0.0.1\" }", expected: [
            "imap.url: a URL must not hold a user or password; use the user and password_env/password_file keys (cpdbot.yml, line 1)",
        ]),
        IssueCase(yaml: "bot: { language: de }", expected: [#"bot.language: expected one of kk, ru, en, got "de" (cpdbot.yml, line 1)"#]),
        IssueCase(yaml: "bot: { address: hr-intake }", expected: [#"bot.address: expected an e-mail address, got "hr-intake" (cpdbot.yml, line 1)"#]),
        IssueCase(yaml: "bot: { dshr: [dshr@kazguu.kz, \"Dana <d@kazguu.kz>\"] }", expected: [
            #"bot.dshr: expected e-mail addresses, got "Dana <d@kazguu.kz>" (cpdbot.yml, line 1)"#,
        ]),
        IssueCase(yaml: "bot: { dshr: [] }", expected: ["bot.dshr: expected at least one e-mail address, got a list of 0 (cpdbot.yml, line 1)"]),
        IssueCase(yaml: "tls: { allow_plaintext_on_loopback: maybe }", expected: [
            #"tls.allow_plaintext_on_loopback: expected true or false, got "maybe" (cpdbot.yml, line 1)"#,
        ]),
        IssueCase(yaml: "limits: { max_message_bytes: 25 parsecs }", expected: [
            #"limits.max_message_bytes: expected a size in bytes such as 26214400 or "25 MiB", got "25 parsecs" (cpdbot.yml, line 1)"#,
        ]),
        IssueCase(yaml: "limits: { max_message_bytes: 99999999999999999 GiB }", expected: [
            #"limits.max_message_bytes: expected a size from 1 to 1073741824 bytes, got "99999999999999999 GiB" (cpdbot.yml, line 1)"#,
        ]),
        IssueCase(yaml: "limits: { max_message_bytes: 1 MiB }", expected: [
            "limits.max_attachment_bytes: 10485760 is more than limits.max_message_bytes (1048576); an attachment cannot be larger than its message",
        ]),
        IssueCase(yaml: "replies: { max_per_sender_per_hour: -1 }", expected: [
            "replies.max_per_sender_per_hour: expected a whole number of replies from 0 to 1000, got -1 (cpdbot.yml, line 1)",
        ]),
        IssueCase(yaml: "imap: { password_env: \"my password\" }", expected: [
            #"imap.password_env: expected the name of an environment variable such as CPDBOT_IMAP_PASSWORD, got "my password" (cpdbot.yml, line 1)"#,
        ]),
        IssueCase(yaml: "imap: { mailbox: \"\" }", expected: [#"imap.mailbox: expected a value, got "" (cpdbot.yml, line 1)"#]),
        IssueCase(yaml: "imap: { mailbox: ~ }", expected: ["imap.mailbox: expected a value, got nothing (cpdbot.yml, line 1)"]),
        IssueCase(yaml: "imap: { user: \"a\\u0000b\" }", expected: [
            #"imap.user: expected a value without control characters, got "a\0b" (cpdbot.yml, line 1)"#,
        ]),
        IssueCase(yaml: "smtp: { server_saves_sent: sometimes }", expected: [
            #"smtp.server_saves_sent: expected one of auto, yes, no, got "sometimes" (cpdbot.yml, line 1)"#,
        ]),
        IssueCase(yaml: "smtp: { max_messages_per_minute: -30 }", expected: [
            "smtp.max_messages_per_minute: expected a whole number of messages from 0 to 100000, got -30 (cpdbot.yml, line 1)",
        ]),
        IssueCase(yaml: "imap: { processed_folder: \"Done*\" }", expected: [
            #"imap.processed_folder: expected an IMAP folder name without control characters, * or %, got "Done*" (cpdbot.yml, line 1)"#,
        ]),
        IssueCase(yaml: "imap: { rejected_folder: Processed }", expected: [
            #"imap.rejected_folder: "Processed" is also imap.processed_folder; every outcome needs a folder of its own"#,
        ]),
        IssueCase(yaml: "imap: { ignored_folder: inbox }", expected: [
            #"imap.ignored_folder: "inbox" is imap.mailbox, the folder mail arrives in; give it a folder of its own"#,
        ]),
        // Bad values from the environment name the variable.
        IssueCase(yaml: "", environment: ["CPDBOT_POLL_INTERVAL_SECONDS": "abc"], expected: [
            #"poll_interval_seconds: expected a whole number of seconds, got "abc" (CPDBOT_POLL_INTERVAL_SECONDS)"#,
        ]),
        IssueCase(yaml: "", environment: ["CPDBOT_BOT_DSHR": "dshr@kazguu.kz,,oops"], expected: [
            #"bot.dshr: expected e-mail addresses, got "oops" (CPDBOT_BOT_DSHR)"#,
        ]),
    ]

    @Test(arguments: badValues)
    func badValuesAreNamed(_ row: IssueCase) {
        #expect(issues(row.yaml, environment: row.environment) == row.expected)
    }

    @Test(arguments: ["not: [closed", "imap:\n  url: a\n   user: b", "a: 1\na: 2", "\t- tab"])
    func invalidYAMLNamesTheFileAndLine(_ yaml: String) {
        #expect {
            _ = try load(yaml, file: "config/broken.yml")
        } throws: { error in
            guard case let .invalidYAML(path, line, _, problem) = error as? ConfigurationError else { return false }
            return path == "config/broken.yml" && line != nil && !problem.isEmpty
                && (error as? ConfigurationError)?.description.hasPrefix("config/broken.yml, line ") == true
        }
    }

    /// An alias bomb must neither hang nor be accepted: lists hold plain values only.
    @Test func aliasBombIsRefused() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        yaml += "bot: { dshr: *i }\n"
        let found = issues(yaml)
        #expect(found.contains { $0.hasPrefix("bot.dshr: ") })
        #expect(found.contains { $0.hasPrefix("a: unknown key") })
    }
}
