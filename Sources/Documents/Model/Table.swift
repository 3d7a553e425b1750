// The shape every reader produces: tables of rows of cells, numbered as a person sees them.
// Readers (xlsx, xls, ods, docx, csv, html) fill it; Applications and Regulation read it by meaning.

/// One cell as the file stores it, before any interpretation by meaning.
public enum CellValue: Sendable, Equatable, Hashable {
    case empty
    case text(String)
    /// A numeric cell (including Excel serial numbers whose format is not a date).
    case number(Double)
    /// A cell the file marks as a date (a date number format, an ODS date value, …),
    /// already converted with the workbook's date system (1900 or 1904).
    case date(year: Int, month: Int, day: Int)
    case bool(Bool)
}

/// One cell of a table.
public struct Cell: Sendable, Equatable, Hashable {
    /// What the cell holds.
    public var value: CellValue
    /// True when this cell is covered by a merged region and its value was copied from the
    /// region's top-left cell (xlsx `mergeCells`, ods `covered-table-cell`, docx `vMerge`/`gridSpan`).
    public var isMergedCopy: Bool

    /// A cell holding `value`.
    public init(_ value: CellValue, isMergedCopy: Bool = false) {
        self.value = value
        self.isMergedCopy = isMergedCopy
    }

    /// A cell with nothing in it.
    public static let empty = Cell(.empty)
}

/// One row of a table, as the file has it.
public struct Row: Sendable, Equatable {
    /// The 1-based number a person sees: the spreadsheet row (A1 is row 1), the CSV record
    /// number, the docx `<w:tr>` index or the HTML `<tr>` index within its table.
    public var number: Int
    /// The row's cells from the first column on; trailing empty ones may be missing.
    public var cells: [Cell]

    /// A row numbered as a person sees it.
    public init(number: Int, cells: [Cell]) {
        self.number = number
        self.cells = cells
    }
}

/// One sheet of a workbook or one table of a docx, HTML or CSV file.
public struct Table: Sendable, Equatable {
    /// Sheet name, or "table N" for docx/html tables, or the file name for csv.
    public var name: String
    /// True for a sheet hidden in the workbook (its rows still count).
    public var isHidden: Bool
    /// The rows in file order; empty rows may be left out.
    public var rows: [Row]

    /// A table with its rows.
    public init(name: String, isHidden: Bool = false, rows: [Row]) {
        self.name = name
        self.isHidden = isHidden
        self.rows = rows
    }
}

/// What a document holds: every sheet or table in file order.
public struct Document: Sendable, Equatable {
    /// Which reader produced it.
    public var format: DocumentFormat
    /// Every sheet or table, in file order.
    public var tables: [Table]

    /// A document of `format` holding `tables`.
    public init(format: DocumentFormat, tables: [Table]) {
        self.format = format
        self.tables = tables
    }
}

/// The formats the readers understand, named by their usual file extension.
public enum DocumentFormat: String, Sendable, Equatable, CaseIterable {
    case xlsx, xls, ods, docx, csv, html
}
