/// Limits on the tables this module maps (the Documents readers enforce the file-level ones).
public struct TableReadingLimits: Sendable, Equatable {
    /// Rows below the header; a Plan of a large university has a few thousand.
    public var maxRows = 20_000
    /// Rows from the top searched for the header (title rows may come first).
    public var headerSearchRows = 30
    /// Largest number of academic hours accepted in a cell.
    public var maxHours = 10_000
    /// Largest cost in tenge accepted in a cell.
    public var maxCostKZT = 1_000_000_000_000
    /// Longest text kept from one cell (course titles); longer is an error, not a truncation.
    public var maxCellCharacters = 1_000

    /// The defaults above.
    public init() {}
}
