/// A row of a Plan or completions table that could not be taken as it is. Reported to DSHR
/// with the row and the column so that the file can be fixed and sent again.
public struct RowIssue: Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with the row; the raw values are the JSON spelling.
    public enum Kind: String, Sendable, Codable {
        case missingValue = "missing_value"
        case invalidValue = "invalid_value"
        /// A course field differs from the course's first row (the fields repeat identically).
        case inconsistentCourse = "inconsistent_course"
        /// A completion names a course that is not in the Plan.
        case unknownCourse = "unknown_course"
        /// A completion names a person who is not assigned to that course in the Plan.
        case notAssigned = "not_assigned"
        /// A second result for the same course and person; the first one counts.
        case duplicate
    }

    /// The row number a person sees in the file (header = 1).
    public var row: Int
    /// The column's key (e.g. `hours`), or nil for the row as a whole.
    public var column: String?
    /// The cell's text as written, when there was one.
    public var value: String?
    /// What is wrong.
    public var kind: Kind
    /// English, with what is expected.
    public var message: String

    /// The course the row is about, where a reader needs it named (a completion for a person
    /// not in that course).
    public var courseID: String?

    /// An issue at `row`/`column`; `courseID` when the row names a course.
    public init(row: Int, column: String?, value: String?, kind: Kind, message: String, courseID: String? = nil) {
        self.courseID = courseID
        self.row = row
        self.column = column
        self.value = value
        self.kind = kind
        self.message = message
    }

    /// `row N, column ('value'): message`, for operators and the CLI.
    public var description: String {
        "row \(row)\(column.map { ", \($0)" } ?? "")\(value.map { " ('\($0)')" } ?? ""): \(message)"
    }
}
