import Documents

/// Reads one data row's cells by column, collecting what is wrong instead of stopping at the
/// first problem, so DSHR gets every mistake of a row at once.
struct RowReader<Column: TableColumn> {
    let row: Row
    let header: HeaderMap<Column>
    let limits: TableReadingLimits
    private(set) var issues: [RowIssue] = []

    init(row: Row, header: HeaderMap<Column>, limits: TableReadingLimits) {
        self.row = row
        self.header = header
        self.limits = limits
    }

    func cell(_ column: Column) -> CellValue { row.value(at: header.columns[column]) }

    func isBlank(_ column: Column) -> Bool { cell(column).isBlank }

    mutating func report(_ column: Column?, _ value: CellValue?, _ kind: RowIssue.Kind, _ message: String) {
        let shown = value.map(\.plainText).map { $0.count > 80 ? String($0.prefix(80)) + "…" : $0 }
        issues.append(RowIssue(row: row.number, column: column?.rawValue, value: shown, kind: kind, message: message))
    }

    mutating func text(_ column: Column) -> String? {
        let value = cell(column)
        let text = value.plainText
        if text.isEmpty {
            report(column, nil, .missingValue, "\(column.rawValue) is empty")
            return nil
        }
        guard text.count <= limits.maxCellCharacters else {
            report(column, value, .invalidValue, "longer than \(limits.maxCellCharacters) characters (\(text.count))")
            return nil
        }
        return text
    }

    mutating func named<T: NamedValue>(_ column: Column, as type: T.Type) -> T? {
        guard let text = text(column) else { return nil }
        guard let value = T(meaning: text) else {
            report(column, cell(column), .invalidValue, "expected one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
            return nil
        }
        return value
    }

    mutating func wholeNumber(_ column: Column, maximum: Int) -> Int? {
        let value = cell(column)
        if value.isBlank {
            report(column, nil, .missingValue, "\(column.rawValue) is empty")
            return nil
        }
        guard let number = value.wholeNumber(maximum: maximum) else {
            report(column, value, .invalidValue, "expected a whole number from 0 to \(maximum)")
            return nil
        }
        return number
    }

    /// Nil without a report when the cell is blank (optional columns).
    mutating func optionalWholeNumber(_ column: Column, maximum: Int) -> Int?? {
        isBlank(column) ? .some(nil) : wholeNumber(column, maximum: maximum).map { .some($0) }
    }

    mutating func date(_ column: Column) -> CivilDate? {
        let value = cell(column)
        if value.isBlank {
            report(column, nil, .missingValue, "\(column.rawValue) is empty")
            return nil
        }
        guard let date = value.civilDate else {
            report(column, value, .invalidValue, "expected a date: YYYY-MM-DD, DD.MM.YYYY or a spreadsheet date")
            return nil
        }
        return date
    }

    mutating func email(_ column: Column) -> String? {
        guard let text = text(column) else { return nil }
        let address = EmailAddress.normalize(text)
        guard EmailAddress.isPlausible(address) else {
            report(column, cell(column), .invalidValue, "not an e-mail address")
            return nil
        }
        return address
    }
}
