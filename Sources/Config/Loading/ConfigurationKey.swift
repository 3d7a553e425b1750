/// One configuration key: its full name, the environment variable that overrides it, and
/// how a raw value is checked and stored. `ConfigurationKey.all` is the whole schema: a key
/// missing here does not exist, in the file or in the environment.
struct ConfigurationKey: Sendable {
    /// Throws `ValueError` (typed throws cannot be inferred for the closures in the table).
    typealias Apply = @Sendable (inout CPDBotConfiguration, ConfigValue) throws -> Void

    /// `section.key`, or `key` for the top-level keys.
    let name: String
    let apply: Apply

    init(_ name: String, _ apply: @escaping Apply) {
        self.name = name
        self.apply = apply
    }

    /// `CPDBOT_<SECTION>_<KEY>`, e.g. `CPDBOT_IMAP_URL`, `CPDBOT_POLL_INTERVAL_SECONDS`.
    var environmentVariable: String {
        Self.environmentVariable(for: name)
    }

    static func environmentVariable(for name: String) -> String {
        "CPDBOT_" + name.replacingOccurrences(of: ".", with: "_").uppercased()
    }

    static func named(_ name: String) -> ConfigurationKey? {
        all.first { $0.name == name }
    }

    /// The sections (`imap`, `smtp`, …), in the order of the schema.
    static var sections: [String] {
        var seen: [String] = []
        for key in all {
            guard let dot = key.name.firstIndex(of: ".") else { continue }
            let section = String(key.name[..<dot])
            if !seen.contains(section) { seen.append(section) }
        }
        return seen
    }
}

extension ConfigurationKey {
    // Ranges keep values sane: a poll interval of a day at most, sizes of at most 1 GiB.
    private static let seconds = 1...86_400
    private static let bytes = 1...(1 << 30)

    static let all: [ConfigurationKey] = [
        ConfigurationKey("imap.url") { $0.imap.url = try ValueParser.url($1, schemes: ["imaps", "imap"]) },
        ConfigurationKey("imap.user") { $0.imap.user = try ValueParser.text($1) },
        ConfigurationKey("imap.password_env") { $0.imap.password.environmentVariable = try ValueParser.environmentVariableName($1) },
        ConfigurationKey("imap.password_file") { $0.imap.password.file = try ValueParser.optionalText($1) },
        ConfigurationKey("imap.mailbox") { $0.imap.mailbox = try ValueParser.text($1) },

        ConfigurationKey("smtp.url") { $0.smtp.url = try ValueParser.url($1, schemes: ["smtps", "smtp"]) },
        ConfigurationKey("smtp.user") { $0.smtp.user = try ValueParser.text($1) },
        ConfigurationKey("smtp.password_env") { $0.smtp.password.environmentVariable = try ValueParser.environmentVariableName($1) },
        ConfigurationKey("smtp.password_file") { $0.smtp.password.file = try ValueParser.optionalText($1) },

        ConfigurationKey("tls.ca_file") { $0.tls.caFile = try ValueParser.optionalText($1) },
        ConfigurationKey("tls.allow_plaintext_on_loopback") { $0.tls.allowPlaintextOnLoopback = try ValueParser.boolean($1) },

        ConfigurationKey("bot.address") { $0.bot.address = try ValueParser.emailAddress($1) },
        ConfigurationKey("bot.dshr") { $0.bot.dshr = try ValueParser.emailAddresses($1) },
        ConfigurationKey("bot.language") { $0.bot.language = try ValueParser.language($1) },
        ConfigurationKey("bot.trusted_authserv_id") { $0.bot.trustedAuthservID = try ValueParser.text($1) },

        ConfigurationKey("store.path") { $0.store.path = try ValueParser.text($1) },

        ConfigurationKey("limits.max_message_bytes") { $0.limits.maxMessageBytes = try ValueParser.byteSize($1, in: bytes) },
        ConfigurationKey("limits.max_attachment_bytes") { $0.limits.maxAttachmentBytes = try ValueParser.byteSize($1, in: bytes) },
        ConfigurationKey("limits.max_rows") { $0.limits.maxRows = try ValueParser.wholeNumber($1, of: "rows", in: 1...1_000_000) },

        ConfigurationKey("replies.max_per_sender_per_hour") {
            $0.replies.maxPerSenderPerHour = try ValueParser.wholeNumber($1, of: "replies", in: 0...1_000)
        },

        // Retention of personal data (issue 15, Law 94-V); at least a day, at most 50 years.
        ConfigurationKey("retention.raw_messages_days") {
            $0.retention.rawMessagesDays = try ValueParser.wholeNumber($1, of: "days", in: 1...18_250)
        },
        ConfigurationKey("retention.journal_personal_days") {
            $0.retention.journalPersonalDays = try ValueParser.wholeNumber($1, of: "days", in: 1...18_250)
        },
        ConfigurationKey("retention.closed_cycle_applications_years") {
            $0.retention.closedCycleApplicationsYears = try ValueParser.wholeNumber($1, of: "years", in: 1...50)
        },

        ConfigurationKey("poll_interval_seconds") { $0.pollIntervalSeconds = try ValueParser.wholeNumber($1, of: "seconds", in: seconds) },
    ]
}
