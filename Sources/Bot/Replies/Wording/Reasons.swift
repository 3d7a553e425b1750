import Regulation
import Staff
import Store

/// A column of a Plan or completions table, by its key (`course_id`); a template shows its
/// name in the reader's language.
public struct TableColumn: Sendable, Equatable {
    /// The column's key (`full_name`, `email`, …).
    public var key: String
    /// The column `key`.
    public init(_ key: String) { self.key = key }
}

/// A term of the Regulation (`Glossary`), written in the reader's language.
public struct GlossaryTerm: Sendable, Equatable {
    /// The term's key in the glossary.
    public var key: String
    /// The term `key`.
    public init(_ key: String) { self.key = key }
}

/// What the code found wrong, in the reader's words: every kind of problem is a key of the
/// `reasons` table in `templates/<lang>/strings.json`, so no English reaches a kk or ru mail.
enum Reasons {
    static func text(_ issue: RowIssue, strings: ReplyStrings) -> String {
        let column = issue.column.map { Self.column($0, strings: strings) } ?? ""
        return strings.reason("row_issue.\(issue.kind.rawValue)", ["column": column, "value": issue.value ?? "", "course": issue.courseID ?? ""])
            ?? issue.message
    }

    static func text(_ issue: RosterIssue, strings: ReplyStrings) -> String {
        strings.reason("roster.\(issue.kind.rawValue)", ["value": issue.value ?? ""]) ?? issue.problem
    }

    static func column(_ key: String, strings: ReplyStrings) -> String {
        strings.reason("column.\(key)") ?? key
    }
}
