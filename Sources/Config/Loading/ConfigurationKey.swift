import Foundation

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

        // Hostile input (issue 13): message structure and archive unpacking.
        ConfigurationKey("limits.max_mime_parts") { $0.limits.maxMIMEParts = try ValueParser.wholeNumber($1, of: "parts", in: 1...100_000) },
        ConfigurationKey("limits.max_mime_depth") { $0.limits.maxMIMEDepth = try ValueParser.wholeNumber($1, of: "levels", in: 1...1_000) },
        ConfigurationKey("limits.max_header_line_bytes") { $0.limits.maxHeaderLineBytes = try ValueParser.byteSize($1, in: 998...(16 << 20)) },
        ConfigurationKey("limits.max_header_bytes") { $0.limits.maxHeaderBytes = try ValueParser.byteSize($1, in: 1024...(64 << 20)) },
        ConfigurationKey("limits.max_inflated_bytes_per_file") { $0.limits.maxInflatedBytesPerFile = try ValueParser.byteSize($1, in: bytes) },
        ConfigurationKey("limits.max_inflated_bytes_per_message") { $0.limits.maxInflatedBytesPerMessage = try ValueParser.byteSize($1, in: bytes) },
        ConfigurationKey("limits.max_compression_ratio") { $0.limits.maxCompressionRatio = try ValueParser.wholeNumber($1, of: "times", in: 2...100_000) },
        ConfigurationKey("limits.max_xml_token_bytes") { $0.limits.maxXMLTokenBytes = try ValueParser.byteSize($1, in: 1024...bytes.upperBound) },

        ConfigurationKey("replies.max_per_sender_per_hour") {
            $0.replies.maxPerSenderPerHour = try ValueParser.wholeNumber($1, of: "replies", in: 0...1_000)
        },
        ConfigurationKey("replies.receipt_listed_rows") {
            $0.replies.receiptListedRows = try ValueParser.wholeNumber($1, of: "rows", in: 0...100_000)
        },

        // Folders found on the server, provider copies, sending limits (issue 18 items 4–6).
        ConfigurationKey("imap.sent_folder") { $0.imap.sentFolder = try ValueParser.folderName($1) },
        ConfigurationKey("imap.processed_folder") { $0.imap.processedFolder = try ValueParser.folderName($1) },
        ConfigurationKey("imap.rejected_folder") { $0.imap.rejectedFolder = try ValueParser.folderName($1) },
        ConfigurationKey("imap.ignored_folder") { $0.imap.ignoredFolder = try ValueParser.folderName($1) },
        ConfigurationKey("imap.reported_folder") { $0.imap.reportedFolder = try ValueParser.folderName($1) },
        ConfigurationKey("smtp.server_saves_sent") { $0.smtp.serverSavesSent = try ValueParser.serverSavesSent($1) },
        ConfigurationKey("smtp.max_messages_per_minute") {
            $0.smtp.maxMessagesPerMinute = try ValueParser.wholeNumber($1, of: "messages", in: 0...100_000)
        },
        ConfigurationKey("smtp.max_recipients_per_day") {
            $0.smtp.maxRecipientsPerDay = try ValueParser.wholeNumber($1, of: "recipients", in: 0...100_000_000)
        },
        // MARK: signature.* (issue 14): who signs the mails and whom to ask.
        ConfigurationKey("signature.department_kk") { $0.signature.departmentKK = try ValueParser.optionalText($1) },
        ConfigurationKey("signature.department_ru") { $0.signature.departmentRU = try ValueParser.optionalText($1) },
        ConfigurationKey("signature.department_en") { $0.signature.departmentEN = try ValueParser.optionalText($1) },
        ConfigurationKey("signature.contact") { $0.signature.contact = try ValueParser.optionalText($1) },
        ConfigurationKey("signature.contact_kk") { $0.signature.contactKK = try ValueParser.optionalText($1) },
        ConfigurationKey("signature.contact_ru") { $0.signature.contactRU = try ValueParser.optionalText($1) },
        ConfigurationKey("signature.contact_en") { $0.signature.contactEN = try ValueParser.optionalText($1) },
        ConfigurationKey("signature.phone") { $0.signature.phone = try ValueParser.optionalText($1) },
        ConfigurationKey("signature.room") { $0.signature.room = try ValueParser.optionalText($1) },
        ConfigurationKey("signature.email") { $0.signature.email = try ValueParser.optionalText($1) },
        ConfigurationKey("certificates.signature_image") { $0.certificates.signatureImage = try ValueParser.text($1) },
        ConfigurationKey("certificates.stamp_image") { $0.certificates.stampImage = try ValueParser.text($1) },
        ConfigurationKey("certificates.logo_image") { $0.certificates.logoImage = try ValueParser.text($1) },
        ConfigurationKey("certificates.signatory") { $0.certificates.signatory = try ValueParser.text($1) },
        ConfigurationKey("certificates.verify_url") { $0.certificates.verifyURL = try ValueParser.verifyURL($1) },
        ConfigurationKey("certificates.secret_file") { $0.certificates.verificationKeyFile = try ValueParser.optionalText($1) },
        ConfigurationKey("certificates.languages") { $0.certificates.languages = try ValueParser.languages($1, atMost: 2) },
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
    ] + oauth2Keys + placeKeys

    /// Issue 12: the university's time zone and the files beside cpdbot.yml, so that one
    /// configuration says everything the service and the command line read.
    static let placeKeys: [ConfigurationKey] = [
        ConfigurationKey("bot.time_zone") { $0.bot.timeZone = try ValueParser.timeZone($1) },
        ConfigurationKey("bot.templates_dir") { $0.bot.templatesDirectory = try ValueParser.optionalText($1) },
        ConfigurationKey("rules.policy_file") { $0.rules.policyFile = try ValueParser.optionalText($1) },
        ConfigurationKey("rules.holidays_file") { $0.rules.holidaysFile = try ValueParser.optionalText($1) },
    ]

    /// Issue 18: OAuth2 logins and the alerts that reach a person (kept in a block of their own).
    static let oauth2Keys: [ConfigurationKey] = [
        ConfigurationKey("imap.auth") { $0.imap.auth = try ValueParser.choice($1, of: CPDBotConfiguration.Authentication.self) },
        ConfigurationKey("smtp.auth") { $0.smtp.auth = try ValueParser.choice($1, of: CPDBotConfiguration.Authentication.self) },
        ConfigurationKey("bot.admin") { $0.bot.admin = try ValueParser.emailAddresses($1, allowingNone: true) },
        ConfigurationKey("alerts.after_minutes") {
            $0.alerts.afterMinutes = try ValueParser.wholeNumber($1, of: "minutes", in: 1...10_080)
        },
        ConfigurationKey("alerts.plan_unconfirmed_working_days") {
            $0.alerts.planUnconfirmedWorkingDays = try ValueParser.wholeNumber($1, of: "working days", in: 1...30)
        },
        ConfigurationKey("oauth2.provider") { $0.oauth2.provider = try ValueParser.choice($1, of: CPDBotConfiguration.OAuth2.Provider.self) },
        ConfigurationKey("oauth2.tenant") { $0.oauth2.tenant = try ValueParser.optionalText($1) },
        ConfigurationKey("oauth2.token_url") { $0.oauth2.tokenURL = try ValueParser.optional($1) { v throws(ValueError) in try ValueParser.url(v, schemes: ["https"]) } },
        ConfigurationKey("oauth2.client_id") { $0.oauth2.clientID = try ValueParser.optionalText($1) },
        ConfigurationKey("oauth2.client_secret_file") { $0.oauth2.clientSecretFile = try ValueParser.optionalText($1) },
        ConfigurationKey("oauth2.certificate_file") { $0.oauth2.certificateFile = try ValueParser.optionalText($1) },
        ConfigurationKey("oauth2.private_key_file") { $0.oauth2.privateKeyFile = try ValueParser.optionalText($1) },
        ConfigurationKey("oauth2.service_account_file") { $0.oauth2.serviceAccountFile = try ValueParser.optionalText($1) },
        ConfigurationKey("oauth2.scope") { $0.oauth2.scope = try ValueParser.optionalText($1) },
        ConfigurationKey("oauth2.mechanism") { $0.oauth2.mechanism = try ValueParser.choice($1, of: CPDBotConfiguration.OAuth2.Mechanism.self) },
        ConfigurationKey("oauth2.subject") { $0.oauth2.subject = try ValueParser.optional($1, ValueParser.emailAddress) },
        ConfigurationKey("oauth2.timeout_seconds") { $0.oauth2.timeoutSeconds = try ValueParser.wholeNumber($1, of: "seconds", in: 1...600) },
        ConfigurationKey("oauth2.max_response_bytes") { $0.oauth2.maxResponseBytes = try ValueParser.byteSize($1, in: 1_024...(1 << 20)) },
    ] + consoleKeys
}
