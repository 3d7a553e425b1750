/// A Word document (.docx): every `w:tbl` of `word/document.xml` as its own table.
///
/// Rows are numbered by `w:tr` order within their table (header rows included), as a person
/// counts them. A table nested in a cell becomes a table of its own and does not add rows or
/// text to the cell that holds it.
enum DOCXReader {
    static func read(_ archive: SafeArchive, fileName: String, limits: DocumentLimits) throws(DocumentError) -> Document {
        guard var xml = try archive.xml("word/document.xml") else {
            throw DocumentError(.encryptedOrCorrupt, "\(fileName) has no word/document.xml; the file is damaged.")
        }
        let budget = CellBudget(limits: limits, fileName: fileName)
        var stack: [DOCXTableState] = []
        var finished: [(index: Int, table: Table)] = []
        var started = 0
        var inText = false
        while let token = try xml.next() {
            switch token {
            case .start(let name, let selfClosing):
                if xml.isLocal(name, "tbl") {
                    guard !selfClosing else { continue }
                    started += 1
                    guard started <= limits.maxTables else {
                        throw DocumentError(.tooLarge,
                            "\(fileName) has more than \(limits.maxTables) tables (maximum \(limits.maxTables)).")
                    }
                    stack.append(DOCXTableState(index: started))
                    continue
                }
                guard !stack.isEmpty else { continue }
                let top = stack.count - 1
                if xml.isLocal(name, "tr") {
                    stack[top].startRow()
                    if selfClosing { try stack[top].finishRow(maxRows: limits.maxRows, budget: budget) }
                } else if xml.isLocal(name, "gridBefore") {
                    stack[top].gridBefore = xml.attributeInt("val") ?? 0
                } else if xml.isLocal(name, "tc") {
                    stack[top].startCell()
                    if selfClosing { stack[top].finishCell(maxColumns: limits.maxColumns) }
                } else if stack[top].inCell {
                    if xml.isLocal(name, "gridSpan") {
                        stack[top].gridSpan = xml.attributeInt("val") ?? 1
                    } else if xml.isLocal(name, "vMerge") {
                        stack[top].vMerge = xml.attributeValue("val") ?? "continue"
                    } else if xml.isLocal(name, "p") {
                        stack[top].startParagraph()
                    } else if xml.isLocal(name, "t") {
                        inText = !selfClosing
                    } else if xml.isLocal(name, "tab") {
                        stack[top].cellText += "\t"
                    } else if xml.isLocal(name, "br") || xml.isLocal(name, "cr") {
                        stack[top].cellText += "\n"
                    }
                }
            case .end(let name):
                if xml.isLocal(name, "tbl"), let state = stack.popLast() {
                    finished.append((state.index, Table(name: "table \(state.index)", rows: state.rows)))
                    continue
                }
                guard !stack.isEmpty else { continue }
                let top = stack.count - 1
                if xml.isLocal(name, "t") {
                    inText = false
                } else if xml.isLocal(name, "tc"), stack[top].inCell {
                    stack[top].finishCell(maxColumns: limits.maxColumns)
                } else if xml.isLocal(name, "tr") {
                    try stack[top].finishRow(maxRows: limits.maxRows, budget: budget)
                }
            case .text(let range, let hasReferences):
                if inText, !stack.isEmpty, stack[stack.count - 1].inCell {
                    stack[stack.count - 1].cellText += xml.decode(range, hasReferences: hasReferences)
                }
            case .cdata(let range):
                if inText, !stack.isEmpty, stack[stack.count - 1].inCell {
                    stack[stack.count - 1].cellText += xml.decode(range, hasReferences: false)
                }
            }
        }
        let tables = finished.sorted { $0.index < $1.index }.map(\.table)
        return Document(format: .docx, tables: tables)
    }
}
