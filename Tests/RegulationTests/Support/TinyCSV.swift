import CSV
import Documents

/// The tests' CSV fixtures as a table, through the one CSV reader (`CSVParser`) but without
/// the Documents readers' charset and delimiter guessing, so the table mapping is tested alone.
enum TinyCSV {
    static func table(_ text: String, name: String = "test.csv") -> Table {
        var rows: [Row] = []
        CSVParser(delimiter: ",").forEachRecord(in: text) { (record: CSVRecord) -> Bool in
            rows.append(Row(number: rows.count + 1, cells: record.fields.map { Cell($0.isEmpty ? .empty : .text($0)) }))
            return true
        }
        return Table(name: name, rows: rows)
    }
}
