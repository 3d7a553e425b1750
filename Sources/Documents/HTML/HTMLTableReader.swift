/// Tables pasted into HTML mail bodies (Outlook, Gmail, LibreOffice and Word styles).
///
/// Rows are numbered by `<tr>` order within their table. `colspan` and `rowspan` repeat the
/// value as merged copies; `<br>`, `<p>` and `<div>` inside a cell become line breaks. Tags
/// left open (`<td>` without `</td>`, `<tr>` without `</tr>`) close where the next one starts,
/// as browsers do. A table nested in a cell is a table of its own.
public enum HTMLTableReader {
    /// Every `<table>` of `html` in document order; never throws: bad markup yields fewer tables.
    public static func read(html: String, limits: DocumentLimits = .init()) -> [Table] {
        var scanner = HTMLScanner(html)
        var stack: [HTMLTableState] = []
        var finished: [(index: Int, table: Table)] = []
        var started = 0
        let budget = CellBudget(limits: limits, fileName: "the message body")
        while let item = scanner.next() {
            switch item {
            case .text(let range):
                if !stack.isEmpty { stack[stack.count - 1].appendText(scanner.bytes, range) }
            case .tag(let tag):
                if tag.name == "table" {
                    if tag.isEnd {
                        guard var state = stack.popLast() else { continue }
                        state.finishRow(limits: limits)
                        finished.append((state.index, Table(name: "table \(state.index)", rows: state.rows)))
                    } else if started < limits.maxTables, stack.count < limits.maxXMLDepth {
                        started += 1
                        stack.append(HTMLTableState(index: started, budget: budget))
                    }
                    continue
                }
                guard !stack.isEmpty else { continue }
                let top = stack.count - 1
                switch (tag.name, tag.isEnd) {
                case ("tr", false): stack[top].startRow(limits: limits)
                case ("tr", true): stack[top].finishRow(limits: limits)
                case ("td", false), ("th", false): stack[top].startCell(tag, limits: limits)
                case ("td", true), ("th", true): stack[top].finishCell(limits: limits)
                case ("br", _), ("p", _), ("div", _), ("li", _): stack[top].lineBreak()
                default: continue
                }
            }
        }
        // A body that ends inside a table (a truncated message) still yields what it had.
        while var state = stack.popLast() {
            state.finishRow(limits: limits)
            finished.append((state.index, Table(name: "table \(state.index)", rows: state.rows)))
        }
        return finished.sorted { $0.index < $1.index }.map(\.table)
    }
}
