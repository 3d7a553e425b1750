import Documents

/// A row's cells as text, and which of them the row holds itself rather than as a copy of a
/// merged region.
struct RowContent {
    let row: Row
    let texts: [String?]

    init(_ row: Row) {
        self.row = row
        texts = row.cells.map { CellText.of($0.value) }
    }

    func text(at column: Int) -> String? {
        texts.indices.contains(column) ? texts[column] : nil
    }

    func cell(at column: Int) -> Cell {
        row.cells.indices.contains(column) ? row.cells[column] : .empty
    }

    var isEmpty: Bool { texts.allSatisfy { $0 == nil } }

    /// The columns whose content counts: every cell the row holds itself, plus copies of a
    /// region merged from above (a vertically merged school). A copy that repeats a cell of the
    /// same row (a title merged across the row) adds nothing.
    var contentColumns: [Int] {
        let own = texts.indices.filter { texts[$0] != nil && !row.cells[$0].isMergedCopy }
        let ownTexts = Set(own.compactMap { texts[$0] })
        let copies = texts.indices.filter { column in
            guard let text = texts[column], row.cells[column].isMergedCopy else { return false }
            return !ownTexts.contains(text)
        }
        var seenCopies = Set<String>()
        let distinctCopies = copies.filter { seenCopies.insert(texts[$0] ?? "").inserted }
        return (own + distinctCopies).sorted()
    }

    /// Cells the row holds itself that are text (not numbers or dates).
    var ownTextColumns: [Int] {
        texts.indices.filter { column in
            guard texts[column] != nil, !row.cells[column].isMergedCopy else { return false }
            if case .text = row.cells[column].value { return true }
            return false
        }
    }

    /// Something that is data rather than a label: an address, a number, a date, long digit runs.
    var hasDataLikeCell: Bool {
        texts.indices.contains { column in
            guard let text = texts[column] else { return false }
            switch row.cells[column].value {
            case .number, .date, .bool: return true
            case .text, .empty:
                return text.contains("@") || text.filter(\.isNumber).count >= 4
                    || text.allSatisfy { $0.isNumber || $0 == "." || $0 == " " }
            }
        }
    }
}
