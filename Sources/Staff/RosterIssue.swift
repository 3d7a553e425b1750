/// One problem in a roster file: where it is, what is wrong in English (for logs and the
/// command line), and its kind and value, from which a mail words it in the reader's language.
public struct RosterIssue: Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, for the reply's wording (`roster_issue.<kind>` in the templates).
    public enum Kind: String, Sendable, CaseIterable {
        case missing
        case invalidAddress = "invalid_address"
        case duplicate
        case invalidCategory = "invalid_category"
        case invalidRole = "invalid_role"
        case invalidLeadership = "invalid_leadership"
        case invalidLanguage = "invalid_language"
        case missingColumn = "missing_column"
        case notUTF8 = "not_utf8"
        case empty
    }

    /// The row as the file numbers it (a spreadsheet row; in `roster.csv` the header is row 1).
    public let row: Int
    /// The column's key (`email`, `lang`…), or `-` for the whole file.
    public let column: String
    /// What is wrong, in English.
    public let problem: String
    /// What is wrong, as a kind.
    public let kind: Kind
    /// The value as written in the file (an address, a category), or the first row of a duplicate.
    public let value: String?

    /// An issue at `row`, `column`.
    public init(row: Int, column: String, problem: String, kind: Kind, value: String? = nil) {
        self.row = row
        self.column = column
        self.problem = problem
        self.kind = kind
        self.value = value
    }

    /// `row N, column C: problem`.
    public var description: String { "row \(row), column \(column): \(problem)" }
}
