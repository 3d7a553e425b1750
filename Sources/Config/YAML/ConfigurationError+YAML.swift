public import YAMLFiles

/// `cpdbot.yml`'s problems, as the loader reports them: the file's line with the key.
extension ConfigurationError: YAMLFileProblem {
    /// Text that is not YAML, as `.invalidYAML` with Yams's line and column.
    public static func invalidYAML(file: String, line: Int?, column: Int?, problem: String) -> ConfigurationError {
        .invalidYAML(path: file, line: line, column: column, problem: problem)
    }

    /// A bad value, as a one-issue `.invalidKeys` whose origin is `file, line N`.
    public static func invalidValue(file: String, key: String, line: Int?, problem: String) -> ConfigurationError {
        .invalidKeys([ConfigurationIssue(key: key, problem: problem, origin: line.map { "\(file), line \($0)" } ?? file)])
    }
}
