import YAMLFiles

/// `cpdbot.yml`'s problems, as the loader reports them: the file's line with the key.
extension ConfigurationError: YAMLFileProblem {
    public static func invalidYAML(file: String, line: Int?, column: Int?, problem: String) -> ConfigurationError {
        .invalidYAML(path: file, line: line, column: column, problem: problem)
    }

    public static func invalidValue(file: String, key: String, line: Int?, problem: String) -> ConfigurationError {
        .invalidKeys([ConfigurationIssue(key: key, problem: problem, origin: line.map { "\(file), line \($0)" } ?? file)])
    }
}
