/// One problem in a roster file: the row (1-based record number, the header is row 1), the
/// column, and what is wrong.
public struct RosterIssue: Equatable, Sendable, CustomStringConvertible {
    public let row: Int
    public let column: String
    public let problem: String

    public init(row: Int, column: String, problem: String) {
        self.row = row
        self.column = column
        self.problem = problem
    }

    public var description: String { "row \(row), column \(column): \(problem)" }
}
