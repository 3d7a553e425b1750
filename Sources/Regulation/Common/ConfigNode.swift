public import YAMLFiles

/// The Regulation's files (`policy.yml`, `holidays-kz.yml`) are read by the same YAML reader as
/// `cpdbot.yml`; their problems are `RegulationError`s.
typealias ConfigNode = YAMLNode<RegulationError>

extension RegulationError: YAMLFileProblem {
    /// A rule file that is not YAML, as an `invalidConfiguration` naming the document.
    public static func invalidYAML(file: String, line: Int?, column: Int?, problem: String) -> RegulationError {
        let at = column.map { " (column \($0))" } ?? ""
        return .invalidConfiguration(file: file, key: "(document)", line: line, problem: "not valid YAML\(at): \(problem)")
    }

    /// A bad value in a rule file, as an `invalidConfiguration` naming its key and line.
    public static func invalidValue(file: String, key: String, line: Int?, problem: String) -> RegulationError {
        .invalidConfiguration(file: file, key: key, line: line, problem: problem)
    }
}

extension YAMLNode where Failure == RegulationError {
    func date() throws(RegulationError) -> CivilDate {
        let text = try string()
        guard let date = CivilDate(iso: text) else { throw fail("expected a date YYYY-MM-DD, found '\(text)'") }
        return date
    }

    /// A month and day (`MM-DD`), for dates that recur every year.
    func monthDay() throws(RegulationError) -> MonthDay {
        let text = try string()
        guard let value = MonthDay(text) else { throw fail("expected a month and day MM-DD, found '\(text)'") }
        return value
    }
}
