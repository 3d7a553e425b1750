import Documents

/// A column a table is read by, recognised by meaning from its header in kk, ru or en.
protocol TableColumn: NamedValue {
    /// Whether the table is unusable without it.
    var isRequired: Bool { get }
}

/// The header names of a set of columns, normalized once per table read.
struct HeaderVocabulary<Column: TableColumn> {
    private var exact: [String: Column] = [:]
    /// Longest first, so that "course" (the title) never takes "course id".
    private var prefixes: [(name: String, column: Column)] = []

    init() {
        for column in Column.allCases {
            for name in [column.rawValue] + column.names {
                let normalized = Meaning.normalize(name)
                if exact[normalized] == nil { exact[normalized] = column }
                prefixes.append((normalized + " ", column))
            }
        }
        prefixes.sort { $0.name.count > $1.name.count }
    }

    /// Headers longer than this are not column names (and are not worth normalizing in full).
    static var maxHeaderCharacters: Int { 200 }

    /// Exact names win over names that only begin a header ("audience (PPS|ABP)").
    func column(named header: String, allowPrefix: Bool = true) -> Column? {
        guard header.count <= Self.maxHeaderCharacters else { return nil }
        let wanted = Meaning.normalize(header)
        guard !wanted.isEmpty else { return nil }
        if let column = exact[wanted] { return column }
        guard allowPrefix else { return nil }
        return prefixes.first { wanted.hasPrefix($0.name) }?.column
    }

    func match(_ row: Row, allowPrefix: Bool = true) -> [Column: Int] {
        var found: [Column: Int] = [:]
        for (position, cell) in row.cells.enumerated() {
            guard case let .text(text) = cell.value,
                  let column = column(named: text, allowPrefix: allowPrefix), found[column] == nil else { continue }
            found[column] = position
        }
        return found
    }
}

/// Where each known column is in a table.
struct HeaderMap<Column: TableColumn> {
    /// The header's row index in `table.rows`.
    let headerIndex: Int
    let columns: [Column: Int]
    let vocabulary: HeaderVocabulary<Column>

    /// Finds the header row: the row (among the first `searchRows`) that names the most known
    /// columns (at least two), below any title rows, in any order.
    static func find(in table: Table, searchRows: Int) throws(RegulationError) -> HeaderMap {
        let vocabulary = HeaderVocabulary<Column>()
        var best: (index: Int, columns: [Column: Int])?
        for index in table.rows.indices.prefix(searchRows) {
            let columns = vocabulary.match(table.rows[index])
            if columns.count > (best?.columns.count ?? 1) { best = (index, columns) }
        }
        let missing = Column.allCases.filter { $0.isRequired && best?.columns[$0] == nil }
        guard let best, missing.isEmpty else {
            throw .headerNotFound(table: table.name, missing: missing.map(\.rawValue))
        }
        return HeaderMap(headerIndex: best.index, columns: best.columns, vocabulary: vocabulary)
    }

    /// True when a data row is the header repeated (a page break in a printed sheet). Exact
    /// names only: a course title that happens to begin with "Course" is data.
    func isRepeatedHeader(_ row: Row) -> Bool {
        vocabulary.match(row, allowPrefix: false).count >= max(2, columns.count / 2)
    }
}
