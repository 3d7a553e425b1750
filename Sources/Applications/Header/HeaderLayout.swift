/// Where a table's Appendix 1 header is and which column holds which meaning.
struct HeaderLayout: Sendable, Equatable {
    /// Indices into `Table.rows` of the header: one row, or two for a two-row header.
    var rowIndices: [Int]
    var columns: [ColumnMeaning: Int]
    /// Surname, given name and patronymic columns, when the name is split over them; the full
    /// name is then their texts joined. Empty for one full-name column.
    var nameParts: [Int] = []

    /// A table counts only with a name column and an e-mail column (samples/README.md).
    var qualifies: Bool { columns[.fullName] != nil && columns[.email] != nil }

    var lastRowIndex: Int { rowIndices.last ?? 0 }
}
