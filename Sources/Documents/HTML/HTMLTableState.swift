import Foundation

/// One `<table>` being read: rows so far, the row and cell in progress, and the cells that
/// `rowspan` carries down into later rows.
struct HTMLTableState {
    let index: Int
    /// Shared by every table of the body: cells past `maxCells` are dropped.
    let budget: CellBudget
    var rows: [Row] = []
    var rowCount = 0
    var inRow = false
    var cells: [Cell] = []
    var inCell = false
    var text: [UInt8] = []
    private var colspan = 1
    private var rowspan = 1
    /// Column → (rows still to cover, value) for cells spanning down.
    private var carried: [Int: (remaining: Int, value: CellValue)] = [:]

    init(index: Int, budget: CellBudget) {
        self.index = index
        self.budget = budget
    }

    mutating func startRow(limits: DocumentLimits) {
        if inRow { finishRow(limits: limits) }
        inRow = true
        rowCount += 1
        cells.removeAll(keepingCapacity: true)
        fillCarried(limits: limits)
    }

    mutating func startCell(_ tag: HTMLTag, limits: DocumentLimits) {
        if !inRow { startRow(limits: limits) }
        if inCell { finishCell(limits: limits) }
        inCell = true
        text.removeAll(keepingCapacity: true)
        colspan = max(1, min(tag.intAttribute("colspan") ?? 1, limits.maxColumns))
        rowspan = max(1, min(tag.intAttribute("rowspan") ?? 1, limits.maxRows))
    }

    /// A line break inside the cell (`<br>`, or the edge of a `<p>`/`<div>` block).
    mutating func lineBreak() {
        if inCell, !text.isEmpty, text.last != 0x0A { text.append(0x0A) }
    }

    /// Appends source text: runs of HTML whitespace collapse to one space, references decode.
    mutating func appendText(_ bytes: [UInt8], _ range: Range<Int>) {
        guard inCell else { return }
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                if let last = text.last, last != 0x20, last != 0x0A { text.append(0x20) }
                index += 1
            } else if byte == UInt8(ascii: "&"), let reference = HTMLEntities.decode(bytes, at: index),
                      reference.next <= range.upperBound {
                text.append(contentsOf: reference.replacement)
                index = reference.next
            } else {
                text.append(byte)
                index += 1
            }
        }
    }

    mutating func finishCell(limits: DocumentLimits) {
        guard inCell else { return }
        inCell = false
        let string = String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let value: CellValue = string.isEmpty ? .empty : .text(string)
        for offset in 0..<colspan where cells.count < limits.maxColumns {
            if rowspan > 1 { carried[cells.count] = (rowspan - 1, value) }
            cells.append(Cell(value, isMergedCopy: offset > 0))
            fillCarried(limits: limits)
        }
    }

    mutating func finishRow(limits: DocumentLimits) {
        if inCell { finishCell(limits: limits) }
        guard inRow else { return }
        inRow = false
        // Cells carried past the last cell of this row still cover their columns.
        while let column = carried.keys.filter({ $0 >= cells.count }).min(), cells.count < limits.maxColumns {
            while cells.count < column { cells.append(.empty) }
            fillCarried(limits: limits)
        }
        if rows.count < limits.maxRows, budget.take(cells.count) { rows.append(Row(number: rowCount, cells: cells)) }
    }

    /// Places copies of cells spanning down from earlier rows at the current column.
    private mutating func fillCarried(limits: DocumentLimits) {
        while cells.count < limits.maxColumns, let entry = carried[cells.count] {
            cells.append(Cell(entry.value, isMergedCopy: true))
            carried[cells.count - 1] = entry.remaining > 1 ? (entry.remaining - 1, entry.value) : nil
        }
    }
}
