import Foundation

/// RFC 4180 CSV, as the store reads (roster) and writes (exports) it.
enum CSV {
    /// One record and the 1-based line on which it starts (for error messages).
    struct Record: Equatable {
        let line: Int
        let fields: [String]
    }

    /// Splits UTF-8 text (a leading BOM is dropped) into records. Quoted fields may hold the
    /// delimiter, `""` and line breaks; CRLF and LF both end a record; blank lines are skipped.
    static func parse(_ text: String, path: String, delimiter: Character = ",") throws -> [Record] {
        var scalars = Substring(text)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        var line = 1
        var recordLine = 1
        var iterator = scalars.makeIterator()
        var pending: Character? = nil

        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
            field = ""
            fieldWasQuoted = false
        }

        while let character = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    // Swift treats CRLF as one Character.
                    if character == "\n" || character == "\r\n" || character == "\r" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty && !fieldWasQuoted:
                inQuotes = true
                fieldWasQuoted = true
            case delimiter:
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(character)
            }
        }
        if inQuotes {
            throw StoreError.malformedCSV(path: path, line: recordLine, detail: "a quoted field is never closed")
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }

    /// Writes records with CRLF line ends, quoting where needed. `excelSafe` neutralises cells
    /// that Excel would run as formulas (CSV injection): a leading `=`, `@`, or `+`/`-` not
    /// followed by a plain number gets a `'` in front. Phones like `+77011234567` stay as they are.
    static func render(_ records: [[String]], byteOrderMark: Bool, excelSafe: Bool) -> Data {
        var text = byteOrderMark ? "\u{FEFF}" : ""
        for record in records {
            text += record.map { quote(excelSafe ? neutralise($0) : $0) }.joined(separator: ",")
            text += "\r\n"
        }
        return Data(text.utf8)
    }

    static func quote(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || field.hasPrefix(" ") || field.hasSuffix(" ")
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func neutralise(_ field: String) -> String {
        guard let first = field.first else { return field }
        switch first {
        case "=", "@", "\t", "\r":
            return "'" + field
        case "+", "-":
            let rest = field.dropFirst()
            let plainNumber = !rest.isEmpty && rest.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == " ") }
            return plainNumber ? field : "'" + field
        default:
            return field
        }
    }
}
