public import Documents

/// Document → completion records, by meaning (same rules as the Plan).
public struct CompletionsTableReader: Sendable {
    /// Caps on the table read (header search, rows, cell length).
    public var limits: TableReadingLimits

    /// A reader with the given limits.
    public init(limits: TableReadingLimits = .init()) {
        self.limits = limits
    }

    /// The records of the first table whose header is recognised; throws the first table's error when none is.
    public func read(_ document: Document) throws(RegulationError) -> (records: [CompletionRecord], issues: [RowIssue]) {
        try document.firstReadable(read, none: .headerNotFound(
            table: "the document", missing: CompletionColumn.allCases.filter(\.isRequired).map(\.rawValue)))
    }

    /// The records of one table, with the rows that could not be taken.
    public func read(_ table: Table) throws(RegulationError) -> (records: [CompletionRecord], issues: [RowIssue]) {
        let header = try HeaderMap<CompletionColumn>.find(in: table, searchRows: limits.headerSearchRows)
        let dataRows = table.rows.dropFirst(header.headerIndex + 1)
        guard dataRows.count <= limits.maxRows else {
            throw .limitExceeded(what: "the number of rows in \(table.name)", actual: dataRows.count, maximum: limits.maxRows)
        }
        var records: [CompletionRecord] = []
        var issues: [RowIssue] = []
        for row in dataRows where !row.isBlank && !header.isRepeatedHeader(row) {
            var r = RowReader(row: row, header: header, limits: limits)
            let courseID = r.text(.courseID)
            let email = r.email(.participantEmail)
            let status = r.named(.status, as: CompletionStatus.self)
            let date = r.date(.completionDate)
            let hours = r.optionalWholeNumber(.hours, maximum: limits.maxHours)
            let cost = r.optionalWholeNumber(.costKZT, maximum: limits.maxCostKZT)
            issues += r.issues
            guard let courseID, let email, let status, let date, let hours, let cost else { continue }
            records.append(CompletionRecord(row: row.number, courseID: courseID, participantEmail: email,
                                            status: status, completionDate: date, hours: hours, costKZT: cost))
        }
        return (records, issues)
    }
}
