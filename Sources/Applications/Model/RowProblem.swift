/// One validation problem of one employee row: `{"row": N, "field": F, "problem": P}`.
public struct RowProblem: Sendable, Equatable, Hashable, Codable {
    /// What is wrong with the field (samples/README.md, "Invalid rows").
    public enum Problem: String, Sendable, Hashable, Codable {
        case missing
        case invalid
        case duplicate
        case future
        case outOfRange = "out_of_range"
    }

    /// The row number a person sees in the file (spreadsheet row, CSV record, docx/HTML `<tr>`).
    public var row: Int
    /// Which column's value is wrong.
    public var field: ColumnMeaning
    /// What is wrong with it.
    public var problem: Problem

    /// A problem in `field` of row `row`.
    public init(row: Int, field: ColumnMeaning, problem: Problem) {
        self.row = row
        self.field = field
        self.problem = problem
    }
}
