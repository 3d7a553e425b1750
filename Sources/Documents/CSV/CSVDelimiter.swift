import CSV

/// Guesses the field delimiter: the candidate that splits the first records into the same
/// number of fields most often. Title lines have one field under every candidate, so only
/// records with two or more fields vote. Ties go to the larger field count, then to list order.
enum CSVDelimiter {
    static let candidates: [Unicode.Scalar] = [";", ",", "\t", "|"]
    static let sampleRecords = 50

    static func detect(_ text: String) -> Unicode.Scalar {
        var best: (delimiter: Unicode.Scalar, agreeing: Int, fields: Int) = (",", 0, 0)
        for candidate in candidates {
            var counts: [Int: Int] = [:]
            var seen = 0
            CSVParser(delimiter: candidate).forEachRecord(in: text) { (record: CSVRecord) -> Bool in
                if record.fields.count > 1 { counts[record.fields.count, default: 0] += 1 }
                seen += 1
                return seen < sampleRecords
            }
            guard let mode = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            if mode.value > best.agreeing || (mode.value == best.agreeing && mode.key > best.fields) {
                best = (candidate, mode.value, mode.key)
            }
        }
        return best.delimiter
    }
}
