import Foundation
public import Wording

/// The short localised labels of one language (`templates/<lang>/strings.json`): column names
/// and row problems for receipts, which templates cannot look up by key themselves.
public struct ReplyStrings: Decodable, Sendable {
    /// One row problem in the reader's language: what is wrong and how to fix it.
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
    /// Nouns after numbers in their plural forms (`{{count.course}}` → "3 курса").
    public let nouns: [String: NounForms]?
    /// What the code reports in its own words (plan row problems, roster problems, completion
    /// problems, summary details), by key, with `{value}`-style placeholders.
    public let reasons: [String: String]?
    /// Names, sheet names, column titles and instructions of the files the bot attaches.
    public let attachments: [String: String]?

    enum CodingKeys: String, CodingKey {
        case columns
        case rowProblems = "row_problems"
        case words, nouns, reasons, attachments
    }

    /// The attachment text `key` with its placeholders filled; the key itself when missing
    /// (a test keeps every key present in every language).
    public func attachment(_ key: String, _ values: [String: String] = [:]) -> String {
        var text = attachments?[key] ?? key
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// The reason `key` with its placeholders (`{row}`, `{value}` …) filled; nil when the table
    /// has no such key.
    public func reason(_ key: String, _ values: [String: String] = [:]) -> String? {
        guard var text = reasons?[key] else { return nil }
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// The column's name in the reader's language; the key itself when the file lacks it.
    public func column(_ key: String) -> String { columns[key] ?? key }

    /// The most specific wording for `problem` in `field`: `field.problem`, then `problem`, then the catch-all `*`.
    public func rowProblem(field: String, problem: String) -> RowProblem {
        rowProblems["\(field).\(problem)"] ?? rowProblems[problem] ?? rowProblems["*"]
            ?? RowProblem(problem: problem, advice: "")
    }

    /// A word of the `words` table; the key itself when the file lacks it.
    public func word(_ key: String) -> String { words[key] ?? key }
}
