import Foundation

/// One worksheet part (`xl/worksheets/sheetN.xml`) into a `Table`.
///
/// A streaming pass over `<sheetData>`: `<row r>` → `<c r t s>` → `<v>` / `<is>`, then
/// `<mergeCells>`. Formulas (`<f>`) are skipped: the cached `<v>` is what the person saw.
/// Cells without `r` follow the previous cell, rows without `r` the previous row.
struct XLSXSheetParser {
    let sharedStrings: [String]
    let styles: XLSXStyles
    let dateSystem: ExcelDate.System
    let limits: DocumentLimits
    let budget: CellBudget

    /// What the current `<c>` declared and held.
    private struct PendingCell {
        var column = 0
        var type = CellType.number
        var style = 0
        var value = ""
        var hasValue = false
        var inlineText: String?
    }

    private enum CellType { case number, shared, formulaString, inlineString, boolean, error, isoDate }

    /// Reads the worksheet `xml` (whole or streamed) as the table `name`.
    func parse(_ xml: consuming XMLTokenizer, name: String, isHidden: Bool) throws(DocumentError) -> Table {
        var sheet = SheetBuilder(name: name, isHidden: isHidden, limits: limits, budget: budget)
        var rowNumber = 0
        var nextColumn = 0
        var cell: PendingCell?
        var inValue = false
        while let token = try xml.next() {
            switch token {
            case .start(let tag, let selfClosing):
                if xml.isLocal(tag, "c") {
                    var pending = PendingCell()
                    // `r`, `t` and `s` in one pass over the attributes (the first of each name,
                    // as `attribute(_:)` finds it).
                    var r: XMLAttribute?, t: XMLAttribute?, style: XMLAttribute?
                    for attribute in xml.attributes {
                        if r == nil, xml.isLocal(attribute.name, "r") { r = attribute }
                        else if t == nil, xml.isLocal(attribute.name, "t") { t = attribute }
                        else if style == nil, xml.isLocal(attribute.name, "s") { style = attribute }
                    }
                    if let r {
                        let reference = CellReference.parse(xml.bytes[r.value])
                        pending.column = reference.column ?? nextColumn
                    } else {
                        pending.column = nextColumn
                    }
                    pending.type = cellType(xml, t)
                    pending.style = style.flatMap { xml.parseInt($0.value) } ?? 0
                    nextColumn = pending.column + 1
                    if selfClosing {
                        continue  // a styled empty cell
                    }
                    // `<v>VALUE</v></c>`, as nearly every number is written: the cell at once,
                    // as its four tokens would leave it.
                    if let plain = xml.plainTextElement(tag: UInt8(ascii: "v"), parent: "c") {
                        if !plain.text.isEmpty {
                            pending.value = xml.decode(plain.text, hasReferences: plain.hasReferences)
                            pending.hasValue = true
                        }
                        inValue = false
                        cell = nil
                        sheet.set(column: pending.column, Cell(value(of: pending)))
                        continue
                    }
                    cell = pending
                } else if xml.isLocal(tag, "v") {
                    inValue = !selfClosing
                } else if xml.isLocal(tag, "is"), cell != nil {
                    cell?.inlineText = selfClosing ? "" : try XLSXRichText.read(&xml)
                } else if xml.isLocal(tag, "row") {
                    rowNumber = xml.attributeInt("r") ?? (rowNumber + 1)
                    nextColumn = 0
                    try sheet.beginRow(rowNumber)
                } else if xml.isLocal(tag, "mergeCell"), let ref = xml.attributeValue("ref"),
                          let region = CellReference.region(ref) {
                    sheet.addMerge(region)
                }
            case .end(let tag):
                if xml.isLocal(tag, "v") {
                    inValue = false
                } else if xml.isLocal(tag, "c"), let pending = cell {
                    sheet.set(column: pending.column, Cell(value(of: pending)))
                    cell = nil
                }
            case .text(let range, let hasReferences):
                if inValue, cell != nil {
                    cell?.value += xml.decode(range, hasReferences: hasReferences)
                    cell?.hasValue = true
                }
            case .cdata(let range):
                if inValue, cell != nil {
                    cell?.value += xml.decode(range, hasReferences: false)
                    cell?.hasValue = true
                }
            }
        }
        return try sheet.build()
    }

    private func cellType(_ xml: XMLTokenizer, _ t: XMLAttribute?) -> CellType {
        guard let t else { return .number }
        let range = t.value
        switch range.count {
        case 1:
            switch xml.bytes[range.lowerBound] {
            case UInt8(ascii: "s"): return .shared
            case UInt8(ascii: "b"): return .boolean
            case UInt8(ascii: "e"): return .error
            case UInt8(ascii: "d"): return .isoDate
            default: return .number
            }
        case 3: return .formulaString  // "str"
        case 9: return .inlineString   // "inlineStr"
        default: return .number
        }
    }

    /// The value without surrounding whitespace. Nearly every number is written without any:
    /// a value that starts and ends with a printable ASCII character is returned as it is,
    /// sparing a Foundation trim per cell.
    static func trimmed(_ value: String) -> String {
        if let first = value.utf8.first, let last = value.utf8.last,
           (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return value
        }
        return value.trimmingCharacters(in: .whitespaces)
    }

    private func value(of cell: PendingCell) -> CellValue {
        switch cell.type {
        case .inlineString:
            return text(cell.inlineText ?? cell.value)
        case .shared:
            guard let index = Int(Self.trimmed(cell.value)),
                  index >= 0, index < sharedStrings.count else { return .empty }
            return text(sharedStrings[index])
        case .formulaString, .error:
            return text(cell.value)
        case .boolean:
            guard cell.hasValue else { return .empty }
            return .bool(cell.value == "1" || cell.value == "true")
        case .isoDate:
            return ISODate.parse(cell.value).map { .date(year: $0.year, month: $0.month, day: $0.day) }
                ?? text(cell.value)
        case .number:
            if let inline = cell.inlineText { return text(inline) }
            guard cell.hasValue else { return .empty }
            guard let number = Double(Self.trimmed(cell.value)) else {
                return text(cell.value)
            }
            if styles.isDate(styleIndex: cell.style),
               let date = ExcelDate.date(serial: number, system: dateSystem) {
                return .date(year: date.year, month: date.month, day: date.day)
            }
            return .number(number)
        }
    }

    private func text(_ string: String) -> CellValue {
        string.isEmpty ? .empty : .text(string)
    }
}
