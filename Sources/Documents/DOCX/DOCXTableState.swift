/// One `w:tbl` being read: its rows so far and the row and cell in progress.
struct DOCXTableState {
    /// 1-based order in which the table started in the document ("table 1", "table 2", …).
    let index: Int
    var rows: [Row] = []
    var rowCount = 0
    var cells: [Cell] = []
    var inCell = false
    var cellText = ""
    var paragraphs = 0
    /// `w:gridSpan`: how many grid columns the current cell covers.
    var gridSpan = 1
    /// `w:vMerge`: nil (none), "restart", or "continue" (the attribute omitted means continue).
    var vMerge: String?
    /// `w:gridBefore`: grid columns left out before the first cell of the row.
    var gridBefore = 0

    init(index: Int) { self.index = index }

    mutating func startRow() {
        cells.removeAll(keepingCapacity: true)
        gridBefore = 0
        rowCount += 1
    }

    mutating func startCell() {
        inCell = true
        cellText = ""
        paragraphs = 0
        gridSpan = 1
        vMerge = nil
        if cells.isEmpty && gridBefore > 0 {
            cells.append(contentsOf: repeatElement(.empty, count: min(gridBefore, 1024)))
        }
    }

    mutating func startParagraph() {
        if paragraphs > 0 { cellText += "\n" }
        paragraphs += 1
    }

    /// Ends the cell: a vertically continued cell copies the value above it (the restart's value,
    /// copied down row by row); a horizontally spanned cell repeats as merged copies.
    mutating func finishCell(maxColumns: Int) {
        inCell = false
        let column = cells.count
        let value: CellValue
        var isCopy = false
        if let merge = vMerge, merge != "restart", let above = rows.last, column < above.cells.count,
           above.number == rowCount - 1 {
            value = above.cells[column].value
            isCopy = true
        } else {
            value = cellText.isEmpty ? .empty : .text(cellText)
        }
        let span = max(1, min(gridSpan, maxColumns))
        for offset in 0..<span where cells.count < maxColumns {
            cells.append(Cell(value, isMergedCopy: isCopy || offset > 0))
        }
    }

    mutating func finishRow(maxRows: Int, budget: CellBudget) throws(DocumentError) {
        try budget.spend(cells.count)
        guard rows.count < maxRows else {
            throw DocumentError(.tooLarge,
                "table \(index) has more than \(maxRows) rows (maximum \(maxRows), limits.max_rows).")
        }
        rows.append(Row(number: rowCount, cells: cells))
        cells.removeAll(keepingCapacity: true)
    }
}
