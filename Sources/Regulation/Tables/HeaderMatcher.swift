import Documents

/// A column a table is read by, recognised by meaning from its header in kk, ru or en.
protocol TableColumn: NamedValue {
    /// Whether the table is unusable without it.
    var isRequired: Bool { get }
}

/// Where each known column is in a table.
struct HeaderMap<Column: TableColumn> {
    /// The header's row index in `table.rows`.
    let headerIndex: Int
    let columns: [Column: Int]

    /// Finds the header row: the row (among the first `searchRows`) that names the most known
    /// columns, below any title rows, in any order. Exact names win over names that only begin
    /// a header ("audience (PPS|ABP)"), and among those the longest name wins, so that
    /// "course" (the title) never takes "course id".
    static func find(in table: Table, searchRows: Int) throws(RegulationError) -> HeaderMap {
        var best: HeaderMap?
        for index in table.rows.indices.prefix(searchRows) {
            let candidate = HeaderMap(headerIndex: index, columns: match(table.rows[index]))
            if candidate.columns.count > (best?.columns.count ?? 1) { best = candidate }
        }
        let missing = Column.allCases.filter { $0.isRequired && best?.columns[$0] == nil }
        guard let best, missing.isEmpty else {
            throw .headerNotFound(table: table.name, missing: missing.map(\.rawValue))
        }
        return best
    }

    static func match(_ row: Row) -> [Column: Int] {
        var found: [Column: Int] = [:]
        for (position, cell) in row.cells.enumerated() {
            guard case let .text(text) = cell.value, let column = column(named: text), found[column] == nil else { continue }
            found[column] = position
        }
        return found
    }

    static func column(named header: String) -> Column? {
        let wanted = Meaning.normalize(header)
        guard !wanted.isEmpty, wanted.count <= 200 else { return nil }
        var bestPrefix: (column: Column, length: Int)?
        for column in Column.allCases {
            for name in [column.rawValue] + column.names {
                let candidate = Meaning.normalize(name)
                if candidate == wanted { return column }
                if wanted.hasPrefix(candidate + " "), candidate.count > (bestPrefix?.length ?? 0) {
                    bestPrefix = (column, candidate.count)
                }
            }
        }
        return bestPrefix?.column
    }

    /// True when a data row is the header repeated (a page break in a printed sheet).
    func isRepeatedHeader(_ row: Row) -> Bool { HeaderMap.match(row).count >= max(2, columns.count / 2) }
}
