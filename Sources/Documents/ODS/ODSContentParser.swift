/// The streaming pass over `content.xml`.
struct ODSContentParser {
    let limits: DocumentLimits
    let budget: CellBudget
    private var tables: [Table] = []
    /// Automatic table styles with `table:display="false"` (hidden sheets).
    private var hiddenStyles: Set<String> = []
    private var sheet: SheetBuilder?
    private var tableDepth = 0
    private var rowNumber = 0
    private var rowRepeat = 1
    private var rowCells: [(column: Int, cell: Cell, repeat: Int)] = []
    private var column = 0
    private var cell: PendingCell?

    private struct PendingCell {
        var value: CellValue?
        var repeatCount: Int
        var text = ODSCellText()
    }

    init(limits: DocumentLimits, budget: CellBudget) {
        self.limits = limits
        self.budget = budget
    }

    mutating func parse(_ xml: consuming XMLTokenizer) throws(DocumentError) -> [Table] {
        var styleName: String?
        while let token = try xml.next() {
            switch token {
            case .start(let name, let selfClosing):
                if xml.isLocal(name, "style"), xml.attributeValue("family") == "table" {
                    styleName = xml.attributeValue("name")
                } else if xml.isLocal(name, "table-properties"), let style = styleName,
                          xml.attributeValue("display") == "false" {
                    hiddenStyles.insert(style)
                } else {
                    try start(xml, name, selfClosing: selfClosing)
                }
            case .end(let name):
                try end(xml, name)
            case .text(let range, let hasReferences):
                cell?.text.append(xml.decode(range, hasReferences: hasReferences))
            case .cdata(let range):
                cell?.text.append(xml.decode(range, hasReferences: false))
            }
        }
        return tables
    }

    private mutating func start(_ xml: XMLTokenizer, _ name: Range<Int>, selfClosing: Bool) throws(DocumentError) {
        if xml.isLocal(name, "table") {
            // Sub-tables inside a cell are not sheets; only top-level tables are read.
            if !selfClosing { tableDepth += 1 }
            guard tableDepth == (selfClosing ? 0 : 1) else { return }
            guard tables.count < limits.maxTables else {
                throw DocumentError(.tooLarge,
                    "the spreadsheet has more than \(limits.maxTables) sheets (maximum \(limits.maxTables)).")
            }
            let hidden = xml.attributeValue("style-name").map { hiddenStyles.contains($0) } ?? false
            let builder = SheetBuilder(name: xml.attributeValue("name") ?? "Sheet\(tables.count + 1)",
                                       isHidden: hidden, limits: limits, budget: budget)
            if selfClosing {
                tables.append(Table(name: builder.name, isHidden: hidden, rows: []))
            } else {
                sheet = builder
                rowNumber = 0
            }
            return
        }
        guard tableDepth == 1, sheet != nil else { return }
        if cell != nil {
            cell?.text.start(xml, name, selfClosing: selfClosing)
            return
        }
        if xml.isLocal(name, "table-row") {
            rowRepeat = max(1, xml.attributeInt("number-rows-repeated") ?? 1)
            rowCells.removeAll(keepingCapacity: true)
            column = 0
            if selfClosing { try finishRow() }
        } else if xml.isLocal(name, "table-cell") || xml.isLocal(name, "covered-table-cell") {
            let repeatCount = max(1, xml.attributeInt("number-columns-repeated") ?? 1)
            let isCovered = xml.isLocal(name, "covered-table-cell")
            if !isCovered {
                let spannedColumns = xml.attributeInt("number-columns-spanned") ?? 1
                let spannedRows = xml.attributeInt("number-rows-spanned") ?? 1
                if spannedColumns > 1 || spannedRows > 1 {
                    sheet?.addMerge(MergeRegion(firstRow: rowNumber + 1, firstColumn: column,
                                                lastRow: rowNumber + spannedRows,
                                                lastColumn: column + spannedColumns - 1))
                }
            }
            if isCovered {
                column += repeatCount  // the covering cell's merge fills it
                return
            }
            var pending = PendingCell(value: typedValue(xml), repeatCount: repeatCount)
            if selfClosing {
                finishCell(&pending)
            } else {
                cell = pending
            }
        }
    }

    private mutating func end(_ xml: XMLTokenizer, _ name: Range<Int>) throws(DocumentError) {
        if xml.isLocal(name, "table") {
            tableDepth = max(0, tableDepth - 1)
            if tableDepth == 0, var finished = sheet {
                tables.append(try finished.build())
                sheet = nil
            }
            return
        }
        guard tableDepth == 1 else { return }
        if xml.isLocal(name, "table-cell"), var pending = cell {
            finishCell(&pending)
            cell = nil
        } else if cell != nil {
            cell?.text.end(xml, name)
        } else if xml.isLocal(name, "table-row") {
            try finishRow()
        }
    }

    private mutating func finishCell(_ pending: inout PendingCell) {
        let text = pending.text.text
        let value = pending.value ?? (text.isEmpty ? .empty : .text(text))
        if value != .empty {
            rowCells.append((column, Cell(value), pending.repeatCount))
        }
        column += pending.repeatCount
    }

    /// Emits the buffered row once, or `number-rows-repeated` times when it holds anything.
    private mutating func finishRow() throws(DocumentError) {
        let repeatCount = rowRepeat
        rowRepeat = 1
        guard !rowCells.isEmpty else {
            rowNumber += repeatCount  // an empty run (LibreOffice's trailing 1,048,000 rows)
            return
        }
        for _ in 0..<min(repeatCount, limits.maxRows + 1) {
            rowNumber += 1
            try sheet?.beginRow(rowNumber)
            for (start, cell, count) in rowCells {
                for offset in 0..<min(count, max(0, limits.maxColumns - start)) {
                    sheet?.set(column: start + offset, cell)
                }
            }
        }
        if repeatCount > limits.maxRows + 1 { rowNumber += repeatCount - (limits.maxRows + 1) }
        rowCells.removeAll(keepingCapacity: true)
    }

    /// The cell's typed value (`office:value-type`), or nil when its text is the value.
    private func typedValue(_ xml: XMLTokenizer) -> CellValue? {
        switch xml.attributeValue("value-type") {
        case "float", "percentage", "currency":
            return xml.attributeValue("value").flatMap(Double.init).map(CellValue.number)
        case "date":
            return xml.attributeValue("date-value").flatMap(ISODate.parse)
                .map { CellValue.date(year: $0.year, month: $0.month, day: $0.day) }
        case "boolean":
            return xml.attributeValue("boolean-value").map { CellValue.bool($0 == "true") }
        default:
            return nil
        }
    }
}
