import CSV
import TextEncoding

/// A CSV file: the charset (BOM, UTF-8, UTF-16, windows-1251 vs KZ-1048) comes from
/// TextEncoding, the delimiter from the records themselves. Row numbers are record numbers,
/// counting every record (title, header and blank lines too), as a spreadsheet shows them.
enum CSVReader {
    static func read(bytes: [UInt8], fileName: String, limits: DocumentLimits) throws(DocumentError) -> Document {
        var text = TextDecoding.guess(bytes).text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        let delimiter = CSVDelimiter.detect(text)
        let budget = CellBudget(limits: limits, fileName: fileName)
        var rows: [Row] = []
        var number = 0
        try CSVParser(delimiter: delimiter).forEachRecord(in: text) { (record: CSVRecord) throws(DocumentError) -> Bool in
            number += 1
            let cells = record.fields.prefix(limits.maxColumns).map { $0.isEmpty ? Cell.empty : Cell(.text($0)) }
            guard cells.contains(where: { $0.value != .empty }) else { return true }
            guard rows.count < limits.maxRows else {
                throw DocumentError(.tooLarge,
                    "\(fileName) has more than \(limits.maxRows) filled records (maximum \(limits.maxRows), limits.max_rows).")
            }
            try budget.spend(cells.count)
            rows.append(Row(number: number, cells: Array(cells)))
            return true
        }
        return Document(format: .csv, tables: [Table(name: fileName, rows: rows)])
    }
}
