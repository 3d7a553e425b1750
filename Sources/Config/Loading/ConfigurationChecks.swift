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
