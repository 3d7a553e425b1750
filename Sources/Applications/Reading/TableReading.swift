import Documents

/// Reads the employee rows of one table whose header has been found.
struct TableReading {
    let table: Table
    let layout: HeaderLayout
    let receivedOn: CalendarDay
    let limits: ApplicationLimits

    /// Rows the classifier takes as employee rows, before validation (for choosing a table).
    var employeeRowCount: Int {
        let classifier = self.classifier
        return dataRows.reduce(0) { $0 + (classifier.classify($1) == .employee ? 1 : 0) }
    }

    func read() -> ApplicationReading {
        let classifier = self.classifier
        let validator = RowValidator(columns: layout.columns, nameParts: layout.nameParts,
                                     receivedOn: receivedOn, limits: limits)
        var rows: [ApplicationRow] = []
        var problems: [RowProblem] = []
        // Addresses of earlier valid rows: a later row with the same address is the duplicate.
        var seen = Set<String>()
        let data = table.rows.dropFirst(layout.lastRowIndex + 1).prefix(limits.maxRows)
        // Each row is classified and validated on its own (on both cores, a block at a time, so
        // a big sheet's texts are never all held twice); duplicates are then found in row order.
        var blockStart = data.startIndex
        while blockStart < data.endIndex {
            let block = data[blockStart..<min(data.endIndex, blockStart + Self.blockSize)]
            blockStart = block.endIndex
            for (number, outcome) in RowBlock.outcomes(of: block, classifier: classifier, validator: validator,
                                                       parallel: data.count >= limits.parallelRowsMinimum) {
                guard var outcome else { continue }
                if let email = outcome.validEmail, seen.contains(email) {
                    outcome.problems.append((.email, .duplicate))
                }
                if outcome.problems.isEmpty {
                    rows.append(outcome.row)
                    if let email = outcome.validEmail { seen.insert(email) }
                } else {
                    problems += outcome.problems.map { RowProblem(row: number, field: $0.0, problem: $0.1) }
                }
            }
        }
        return ApplicationReading(readable: true, errorKind: nil, rows: rows, invalidRows: problems)
    }

    /// Rows handled together: large enough to keep both cores busy, small enough to hold.
    static let blockSize = 512

    private var classifier: RowClassifier {
        RowClassifier(layout: layout, headerRows: layout.rowIndices.compactMap { index in
            table.rows.indices.contains(index) ? RowContent(table.rows[index]) : nil
        })
    }

    /// Lazily: each row's texts live only while it is classified and validated (a big sheet's
    /// texts are not all held twice).
    private var dataRows: LazyMapSequence<ArraySlice<Row>, RowContent> {
        table.rows.dropFirst(layout.lastRowIndex + 1).prefix(limits.maxRows).lazy.map(RowContent.init)
    }
}
