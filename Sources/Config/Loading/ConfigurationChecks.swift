import Foundation

/// Checks that look at more than one key, and at the environment as a whole.
enum ConfigurationChecks {
    /// Values that are each fine but do not fit together.
    static func crossKeyIssues(in configuration: CPDBotConfiguration) -> [ConfigurationIssue] {
        var issues: [ConfigurationIssue] = []
        let limits = configuration.limits
        if limits.maxAttachmentBytes > limits.maxMessageBytes {
            issues.append(ConfigurationIssue(
                key: "limits.max_attachment_bytes",
                problem: "\(limits.maxAttachmentBytes) is more than limits.max_message_bytes (\(limits.maxMessageBytes)); "
                    + "an attachment cannot be larger than its message"))
        }
        issues += folderIssues(in: configuration)
        issues += oauth2Issues(in: configuration)
        return issues
    }

    /// What an OAuth2 login needs, checked only when `imap.auth` or `smtp.auth` is `oauth2`.
    static func oauth2Issues(in configuration: CPDBotConfiguration) -> [ConfigurationIssue] {
        guard configuration.usesOAuth2 else { return [] }
        let oauth2 = configuration.oauth2
        let why = configuration.imap.auth == .oauth2 ? "imap.auth is oauth2" : "smtp.auth is oauth2"
        guard let provider = oauth2.provider else {
            return [ConfigurationIssue(key: "oauth2.provider", problem: "must be set (microsoft, google or generic) because \(why)")]
        }
        var issues: [ConfigurationIssue] = []
        func issue(_ key: String, _ problem: String) { issues.append(ConfigurationIssue(key: key, problem: problem)) }
        switch provider {
        case .google:
            if oauth2.serviceAccountFile == nil {
                issue("oauth2.service_account_file", "must name the service account's key file (JSON, chmod 600) for provider google")
            }
            for key in ["oauth2.client_secret_file": oauth2.clientSecretFile, "oauth2.certificate_file": oauth2.certificateFile,
                        "oauth2.private_key_file": oauth2.privateKeyFile].sorted(by: { $0.key < $1.key }) where key.value != nil {
                issue(key.key, "is not used with provider google (the service account file holds the key); remove it")
            }
        case .microsoft, .generic:
            if provider == .microsoft, oauth2.tenant == nil, oauth2.tokenURL == nil {
                issue("oauth2.tenant", "must be set for provider microsoft (the tenant ID or domain), or set oauth2.token_url")
            }
            if provider == .generic, oauth2.tokenURL == nil {
                issue("oauth2.token_url", "must be set for provider generic (the https:// URL of the token endpoint)")
            }
            if oauth2.clientID == nil {
                issue("oauth2.client_id", "must be set for provider \(provider.rawValue) (the application's client ID)")
            }
            let certificate = oauth2.certificateFile != nil || oauth2.privateKeyFile != nil
            if oauth2.clientSecretFile != nil, certificate {
                issue("oauth2.client_secret_file", "set either it or oauth2.certificate_file with oauth2.private_key_file, not both")
            } else if oauth2.clientSecretFile == nil, !certificate {
                issue("oauth2.client_secret_file", "must be set for provider \(provider.rawValue), "
                    + "or oauth2.certificate_file with oauth2.private_key_file")
            } else if certificate, oauth2.certificateFile == nil {
                issue("oauth2.certificate_file", "must be set together with oauth2.private_key_file (the certificate whose key that is)")
            } else if certificate, oauth2.privateKeyFile == nil {
                issue("oauth2.private_key_file", "must be set together with oauth2.certificate_file (the certificate's private key, chmod 600)")
            }
            if oauth2.serviceAccountFile != nil {
                issue("oauth2.service_account_file", "is used only with provider google; remove it")
            }
        }
        return issues
    }

    /// Every outcome needs a folder of its own, apart from the one mail arrives in.
    static func folderIssues(in configuration: CPDBotConfiguration) -> [ConfigurationIssue] {
        var issues: [ConfigurationIssue] = []
        let imap = configuration.imap
        let folders = [("imap.processed_folder", imap.processedFolder), ("imap.rejected_folder", imap.rejectedFolder),
                       ("imap.ignored_folder", imap.ignoredFolder), ("imap.reported_folder", imap.reportedFolder),
                       ("imap.sent_folder", imap.sentFolder)]
        for (index, (key, name)) in folders.enumerated() {
            if name.caseInsensitiveCompare(imap.mailbox) == .orderedSame {
                issues.append(ConfigurationIssue(
                    key: key, problem: "\"\(name)\" is imap.mailbox, the folder mail arrives in; give it a folder of its own"))
            } else if let other = folders[..<index].first(where: { $0.1 == name }) {
                issues.append(ConfigurationIssue(
                    key: key, problem: "\"\(name)\" is also \(other.0); every outcome needs a folder of its own"))
            }
        }
        return issues
    }

    /// `CPDBOT_…` variables that start like a key but are none: most likely typos, which would
    /// otherwise be ignored without a word. The password variables in use are not keys.
    static func unknownEnvironmentVariables(in environment: [String: String], configuration: CPDBotConfiguration) -> [String] {
        let keyVariables = ConfigurationKey.all.map(\.environmentVariable)
        let passwordVariables = [configuration.imap.password.environmentVariable, configuration.smtp.password.environmentVariable]
        let prefixes = (ConfigurationKey.sections + ["poll"]).map { ConfigurationKey.environmentVariable(for: $0) + "_" }
        return environment.keys.sorted().compactMap { name in
            guard prefixes.contains(where: { name.hasPrefix($0) }),
                  !keyVariables.contains(name), !passwordVariables.contains(name)
            else { return nil }
            let suggestion = KeySuggestion.closest(to: name, among: keyVariables).map { " (did you mean \($0)?)" } ?? ""
            return "ignoring the environment variable \(name): no such configuration key\(suggestion)"
        }
    }
}
