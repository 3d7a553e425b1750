/// Collects a sheet's cells as readers meet them (row by row, with gaps) and turns them into a
/// `Table`: empty rows dropped (row numbers keep the gaps), trailing empty cells trimmed,
/// merged regions filled with copies of their top-left value, and every limit enforced.
struct SheetBuilder {
    let name: String
    let isHidden: Bool
    private let limits: DocumentLimits
    private let budget: CellBudget
    private var rows: [Row] = []
    /// The row being filled: its number (nil before the first row) and cells.
    private var currentNumber: Int?
    private var currentCells: [Cell] = []
    private var merges: [MergeRegion] = []

    init(name: String, isHidden: Bool, limits: DocumentLimits, budget: CellBudget) {
        self.name = name
        self.isHidden = isHidden
        self.limits = limits
        self.budget = budget
    }

    /// Starts row `number` (1-based); the previous row is finished.
    mutating func beginRow(_ number: Int) throws(DocumentError) {
        try finishRow()
        currentNumber = number
    }

    /// Sets the cell at 0-based `column` of the current row. Columns past `maxColumns` are
    /// dropped: a stray value in column XFD must not make the whole file unreadable.
    mutating func set(column: Int, _ cell: Cell) {
        guard column >= 0, column < limits.maxColumns, currentNumber != nil else { return }
        if cell.value == .empty && !cell.isMergedCopy { return }
        // The next column, as nearly every cell of a sheet is: appended without padding.
        if currentCells.count == column {
            currentCells.append(cell)
            return
        }
        if currentCells.count <= column {
            currentCells.append(contentsOf: repeatElement(.empty, count: column + 1 - currentCells.count))
        }
        currentCells[column] = cell
    }

    mutating func addMerge(_ region: MergeRegion) {
        if merges.count < limits.maxRows { merges.append(region) }
    }

    /// The finished table (rows sorted by number, merges applied).
    mutating func build() throws(DocumentError) -> Table {
        try finishRow()
        if rows.count > 1, zip(rows, rows.dropFirst()).contains(where: { $0.number >= $1.number }) {
            rows = mergeDuplicates(rows.sorted { $0.number < $1.number })
        }
        if !merges.isEmpty { try applyMerges() }
        return Table(name: name, isHidden: isHidden, rows: rows)
    }

    private mutating func finishRow() throws(DocumentError) {
        guard let number = currentNumber else { return }
        let row = Row(number: number, cells: currentCells)
        currentNumber = nil
        currentCells.removeAll(keepingCapacity: true)
        guard row.cells.contains(where: { $0.value != .empty }) else { return }
        guard rows.count < limits.maxRows else {
            throw DocumentError(.tooLarge,
                "sheet '\(name)' has more than \(limits.maxRows) filled rows (maximum \(limits.maxRows), limits.max_rows); "
                + "an application is far smaller. Send only the application table.")
        }
        try budget.spend(row.cells.count)
        rows.append(row)
    }

    /// Rows listed twice (an ill-formed file) keep the later cells over the earlier ones.
    private func mergeDuplicates(_ sorted: [Row]) -> [Row] {
        var result: [Row] = []
        for row in sorted {
            if var last = result.last, last.number == row.number {
                for (index, cell) in row.cells.enumerated() where cell.value != .empty {
                    if last.cells.count <= index {
                        last.cells.append(contentsOf: repeatElement(.empty, count: index + 1 - last.cells.count))
                    }
                    last.cells[index] = cell
                }
                result[result.count - 1] = last
            } else {
                result.append(row)
            }
        }
        return result
    }

    /// Copies each region's top-left value into the other cells it covers (creating rows that
    /// the file left out). Regions are clipped to the limits, so a region of A1:XFD1048576
    /// costs no more than the limits allow.
    private mutating func applyMerges() throws(DocumentError) {
        var byNumber: [Int: Int] = [:]
        for (index, row) in rows.enumerated() { byNumber[row.number] = index }
        var added = false
        for region in merges {
            guard let topIndex = byNumber[region.firstRow],
                  region.firstColumn < rows[topIndex].cells.count else { continue }
            let value = rows[topIndex].cells[region.firstColumn].value
            guard value != .empty else { continue }
            let lastColumn = min(region.lastColumn, limits.maxColumns - 1)
            let lastRow = min(region.lastRow, region.firstRow + limits.maxRows)
            guard region.firstRow <= lastRow, region.firstColumn <= lastColumn else { continue }
            for number in region.firstRow...lastRow {
                let index: Int
                if let existing = byNumber[number] {
                    index = existing
                } else {
                    guard rows.count < limits.maxRows else { break }
                    rows.append(Row(number: number, cells: []))
                    index = rows.count - 1
                    byNumber[number] = index
                    added = true
                }
                // Every covered cell visited is paid for, so many huge regions cost bounded work.
                try budget.spend(lastColumn - region.firstColumn + 1)
                for column in region.firstColumn...lastColumn {
                    if number == region.firstRow && column == region.firstColumn { continue }
                    if rows[index].cells.count <= column {
                        rows[index].cells.append(
                            contentsOf: repeatElement(.empty, count: column + 1 - rows[index].cells.count))
                    }
                    if rows[index].cells[column].value == .empty {
                        rows[index].cells[column] = Cell(value, isMergedCopy: true)
                    }
                }
            }
        }
        if added { rows.sort { $0.number < $1.number } }
    }
}
