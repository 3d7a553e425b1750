public import Foundation

/// Builds a `CPDBotConfiguration` from defaults, then the YAML file, then the environment
/// (`CPDBOT_<SECTION>_<KEY>` wins over the file). Every problem is reported at once, by the
/// key's full name and where its value came from.
public struct ConfigurationLoader: Sendable {
    /// A configuration file is a page of text; a bigger one is a mistake (or not ours).
    public static let maxFileBytes = 1 << 20

    /// The variables `CPDBOT_*` overrides and `*_password_env` keys are read from.
    public var environment: [String: String]

    /// A loader reading `environment`; tests pass their own instead of the process's.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// Reads `path`. A missing file is fine for the default path (`config/cpdbot.yml`, which
    /// is not committed): defaults and the environment apply, with a note. A missing file
    /// that was asked for by name is an error: a typo must not silently mean "defaults".
    public func load(file path: String = CPDBotConfiguration.defaultPath) throws(ConfigurationError) -> LoadedConfiguration {
        try load(file: path, missingMeansDefaults: path == CPDBotConfiguration.defaultPath)
    }

    /// Reads `path`; when it does not exist, `missingMeansDefaults` decides between a note
    /// (defaults and the environment apply) and an error.
    public func load(file path: String, missingMeansDefaults: Bool) throws(ConfigurationError) -> LoadedConfiguration {
        guard FileManager.default.fileExists(atPath: path) else {
            guard missingMeansDefaults else {
                throw .unreadableFile(path: path, reason: "no such file (copy config/cpdbot.example.yml to start one)")
            }
            var loaded = try load(settings: [], file: nil)
            loaded.notes.insert("no configuration file at \(path); using the defaults and CPDBOT_* environment "
                + "variables (see config/cpdbot.example.yml)", at: 0)
            return loaded
        }
        return try load(yaml: try ConfigurationFileText.read(path), file: path)
    }

    /// Reads YAML text; `file` names it in messages.
    public func load(yaml text: String, file: String) throws(ConfigurationError) -> LoadedConfiguration {
        let read = try YAMLSettingsReader(path: file).read(text)
        return try load(settings: read.settings, file: file, earlierIssues: read.issues)
    }

    private func load(settings: [Setting], file: String?, earlierIssues: [ConfigurationIssue] = []) throws(ConfigurationError) -> LoadedConfiguration {
        var configuration = CPDBotConfiguration()
        var issues = earlierIssues
        for setting in settings {
            if let issue = Self.apply(setting, to: &configuration) { issues.append(issue) }
        }
        for key in ConfigurationKey.all {
            guard let value = environment[key.environmentVariable] else { continue }
            let setting = Setting(key: key.name, value: .text(value), origin: key.environmentVariable)
            if let issue = Self.apply(setting, to: &configuration) { issues.append(issue) }
        }
        issues += ConfigurationChecks.crossKeyIssues(in: configuration)
        guard issues.isEmpty else { throw .invalidKeys(issues) }
        let notes = ConfigurationChecks.unknownEnvironmentVariables(in: environment, configuration: configuration)
        return LoadedConfiguration(configuration: configuration, file: file, notes: notes)
    }

    /// Applies one setting, or says why not.
    private static func apply(_ setting: Setting, to configuration: inout CPDBotConfiguration) -> ConfigurationIssue? {
        guard let key = ConfigurationKey.named(setting.key) else {
            return ConfigurationIssue(key: setting.key, problem: unknownKeyProblem(setting.key), origin: setting.origin)
        }
        do {
            try key.apply(&configuration, setting.value)
            return nil
        } catch let error as ValueError {
            return ConfigurationIssue(key: setting.key, problem: error.problem, origin: setting.origin)
        } catch {
            return ConfigurationIssue(key: setting.key, problem: "\(error)", origin: setting.origin)
        }
    }

    private static func unknownKeyProblem(_ name: String) -> String {
        let lastPart = name.split(separator: ".").last.map(String.init) ?? name
        if ["password", "pass", "passwd", "secret"].contains(lastPart.lowercased()) {
            let section = name.split(separator: ".").first.map(String.init) ?? "imap"
            return "passwords are never read from the configuration file; use \(section).password_env "
                + "(the name of an environment variable) or \(section).password_file (a file only the service can read, chmod 600)"
        }
        if ["client_secret", "private_key", "access_token", "token"].contains(lastPart.lowercased()) {
            return "secrets are never read from the configuration file; use oauth2.client_secret_file, "
                + "oauth2.private_key_file or oauth2.service_account_file (files only the service can read, chmod 600)"
        }
        if ConfigurationKey.sections.contains(name) {
            let keys = ConfigurationKey.all.map(\.name).filter { $0.hasPrefix(name + ".") }
            return "expected a section with the keys " + keys.joined(separator: ", ")
        }
        let known = ConfigurationKey.all.map(\.name)
        if let suggestion = KeySuggestion.closest(to: name, among: known) {
            return "unknown key (did you mean \(suggestion)?)"
        }
        return "unknown key"
    }

}

/// Reads one of cpdbot's configuration files (`cpdbot.yml`, the rule files): one size cap, one
/// wording of what is wrong.
enum ConfigurationFileText {
    /// `ConfigurationLoader.maxFileBytes`: a configuration file is a page of text.
    static func read(_ path: String) throws(ConfigurationError) -> String {
        let maxFileBytes = ConfigurationLoader.maxFileBytes
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > maxFileBytes {
            throw .unreadableFile(path: path, reason: "\(size) bytes, more than the \(maxFileBytes) a configuration file may have")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableFile(path: path, reason: "no permission, or not a file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadableFile(path: path, reason: "not UTF-8 text")
        }
        return text
    }
}
