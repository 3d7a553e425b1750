/// RFC 4180 records: fields separated by one delimiter, records by CRLF, LF or CR; a field in
/// double quotes may hold delimiters and line breaks, and `""` inside it is one quote. A quote
/// in the middle of an unquoted field is kept literally (Excel does the same).
struct CSVParser {
    let delimiter: Unicode.Scalar

    /// Calls `record` with each record's fields until it returns false or the text ends.
    func forEachRecord(in text: String, _ record: ([String]) throws(DocumentError) -> Bool) throws(DocumentError) {
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var fieldStarted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        var lastWasCR = false
        while let scalar = pending {
            pending = iterator.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = iterator.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(scalar)
                }
                continue
            }
            if scalar == "\n" && lastWasCR {  // the LF of a CRLF already ended the record
                lastWasCR = false
                continue
            }
            lastWasCR = false
            switch scalar {
            case "\"" where !fieldStarted:
                inQuotes = true
                fieldStarted = true
            case delimiter:
                fields.append(String(field))
                field = String.UnicodeScalarView()
                fieldStarted = false
            case "\r", "\n":
                lastWasCR = scalar == "\r"
                fields.append(String(field))
                field = String.UnicodeScalarView()
                fieldStarted = false
                guard try record(fields) else { return }
                fields.removeAll(keepingCapacity: true)
            default:
                field.append(scalar)
                fieldStarted = true
            }
        }
        // The last record, unless the text ended with a line break.
        if fieldStarted || !field.isEmpty || !fields.isEmpty {
            fields.append(String(field))
            _ = try record(fields)
        }
    }
}
