/// Why cpdbot's configuration could not be used. Every message names the file or the key
/// and says what to do; none contains a password.
public enum ConfigurationError: Error, Sendable, Equatable {
    /// The configuration file exists but cannot be read.
    case unreadableFile(path: String, reason: String)
    /// The file is not valid YAML.
    case invalidYAML(path: String, line: Int?, column: Int?, problem: String)
    /// Keys that are unknown, refused or hold bad values; all of them, not just the first.
    case invalidKeys([ConfigurationIssue])
    /// A rule file (`policy.yml`, `holidays-kz.yml`) named by `key` (or its default) cannot be read.
    case ruleFile(path: String, key: String, problem: String)
    /// A password could not be obtained from its `password_env` or `password_file`.
    case password(key: String, problem: String)
}

extension ConfigurationError: CustomStringConvertible {
    /// One line, as the command line prints it.
    public var description: String {
        switch self {
        case let .unreadableFile(path, reason):
            return "cannot read the configuration file \(path): \(reason)"
        case let .invalidYAML(path, line, column, problem):
            let position = [line.map { "line \($0)" }, column.map { "column \($0)" }].compactMap { $0 }
            let at = position.isEmpty ? "" : ", " + position.joined(separator: ", ")
            return "\(path)\(at): not valid YAML: \(problem)"
        case let .invalidKeys(issues):
            return issues.map(\.description).joined(separator: "; ")
        case let .ruleFile(path, key, problem):
            return "cannot read \(path) (\(key)): \(problem)"
        case let .password(key, problem):
            return "\(key): \(problem)"
        }
    }
}
