/// The short localised labels of one language (`templates/<lang>/strings.json`): column names
/// and row problems for receipts, which templates cannot look up by key themselves.
public struct ReplyStrings: Decodable, Sendable {
    public struct RowProblem: Decodable, Sendable {
        /// What is wrong ("not a valid e-mail address").
        public let problem: String
        /// What to do about it.
        public let advice: String
    }

    /// Column names by record key (`full_name`, `email`, …).
    public let columns: [String: String]
    /// Row problems by `field.problem` (`email.invalid`), with `*` as the fallback.
    public let rowProblems: [String: RowProblem]
    /// Names of the people-list changes ("added", …) and other small words.
    public let words: [String: String]

    enum CodingKeys: String, CodingKey {
        case columns
        case rowProblems = "row_problems"
        case words
    }

    public func column(_ key: String) -> String { columns[key] ?? key }

    public func rowProblem(field: String, problem: String) -> RowProblem {
        rowProblems["\(field).\(problem)"] ?? rowProblems[problem] ?? rowProblems["*"]
            ?? RowProblem(problem: problem, advice: "")
    }

    public func word(_ key: String) -> String { words[key] ?? key }
}
