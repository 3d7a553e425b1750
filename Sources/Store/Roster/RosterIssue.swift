/// One problem in a roster file: where it is, what is wrong in English (for logs and the
/// command line), and its kind and value, from which a mail words it in the reader's language.
public struct RosterIssue: Equatable, Sendable, CustomStringConvertible {
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

    public let row: Int
    public let column: String
    public let problem: String
    public let kind: Kind
    /// The value as written in the file (an address, a category), or the first row of a duplicate.
    public let value: String?

    public init(row: Int, column: String, problem: String, kind: Kind, value: String? = nil) {
        self.row = row
        self.column = column
        self.problem = problem
        self.kind = kind
        self.value = value
    }

    public var description: String { "row \(row), column \(column): \(problem)" }
}
