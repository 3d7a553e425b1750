/// One CSV record and the 1-based line on which it starts, so that an error can name the line.
public struct CSVRecord: Equatable, Sendable {
    /// The line of the text on which the record starts (line breaks inside quotes count).
    public let line: Int
    /// The fields, unquoted.
    public let fields: [String]
    /// True for an empty line: no characters at all, not even `""`.
    public let isBlank: Bool

    /// A record as the parser makes it; `isBlank` is worked out from the fields when not given.
    public init(line: Int, fields: [String], isBlank: Bool? = nil) {
        self.line = line
        self.fields = fields
        self.isBlank = isBlank ?? (fields == [""])
    }
}

/// RFC 4180 records (https://www.rfc-editor.org/rfc/rfc4180): fields separated by one
/// delimiter, records by CRLF, LF or CR; a field in double quotes may hold delimiters and line
/// breaks, and `""` inside it is one quote. A quote in the middle of an unquoted field is kept
/// literally (Excel does the same). A leading byte order mark is dropped. The one CSV reader of
/// cpdbot: the store's `roster.csv` and the applications DSHR sends as `.csv` both go through it.
public struct CSVParser: Sendable {
    /// How the text ended.
    public enum Ending: Equatable, Sendable {
        /// Every record was read.
        case complete
        /// The caller asked to stop.
        case stopped
        /// A quoted field was still open at the end of the text; the last record holds what
        /// followed its quote. `line` is where that record starts.
        case quoteNeverClosed(line: Int)
    }

    /// The field delimiter (`,` in the store's files; detected for the files people send).
    public let delimiter: Unicode.Scalar

    /// A parser for `delimiter`.
    public init(delimiter: Unicode.Scalar = ",") {
        self.delimiter = delimiter
    }

    /// Calls `body` with each record, blank lines included, until it returns false or the text
    /// ends; tells how it ended. Walks Unicode scalars, so a combining mark after a quote or
    /// delimiter cannot hide it.
    @discardableResult
    public func forEachRecord<Failure: Error>(
        in text: String, _ body: (CSVRecord) throws(Failure) -> Bool
    ) throws(Failure) -> Ending {
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var fieldStarted = false
        var line = 1
        var recordLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        if pending == "\u{FEFF}" { pending = iterator.next() }
        var lastWasCR = false

        func takeRecord() -> CSVRecord {
            let blank = fields.isEmpty && field.isEmpty && !fieldStarted
            fields.append(String(field))
            let record = CSVRecord(line: recordLine, fields: fields, isBlank: blank)
            fields.removeAll(keepingCapacity: true)
            field = String.UnicodeScalarView()
            fieldStarted = false
            return record
        }

        while let scalar = pending {
            pending = iterator.next()
            let continuesCRLF = scalar == "\n" && lastWasCR
            lastWasCR = scalar == "\r"
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = iterator.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if (scalar == "\n" && !continuesCRLF) || scalar == "\r" { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            if continuesCRLF { continue }  // the CR already ended the record
            switch scalar {
            case "\"" where !fieldStarted:
                inQuotes = true
                fieldStarted = true
            case delimiter:
                fields.append(String(field))
                field = String.UnicodeScalarView()
                fieldStarted = false
            case "\r", "\n":
                let record = takeRecord()
                line += 1
                recordLine = line
                guard try body(record) else { return .stopped }
            default:
                field.append(scalar)
                fieldStarted = true
            }
        }
        // The last record, unless the text ended with a line break.
        let openQuote = inQuotes
        let openLine = recordLine
        if fieldStarted || !field.isEmpty || !fields.isEmpty {
            guard try body(takeRecord()) else { return .stopped }
        }
        return openQuote ? .quoteNeverClosed(line: openLine) : .complete
    }

    /// Every record of `text` that is not a blank line, and how the text ended.
    public func records(in text: String) -> (records: [CSVRecord], ending: Ending) {
        var records: [CSVRecord] = []
        let ending = forEachRecord(in: text) { (record: CSVRecord) -> Bool in
            if !record.isBlank { records.append(record) }
            return true
        }
        return (records, ending)
    }
}
