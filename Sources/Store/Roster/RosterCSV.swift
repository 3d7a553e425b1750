import CSV
public import Foundation
public import Staff

/// `roster.csv` as a file: UTF-8 text, RFC 4180 records (`CSVParser`), read by the one roster
/// reader (`RosterReader`). Every problem is collected, so that one reply can list them all.
public enum RosterCSV {
    /// Reads `data`; `path` names the file in the error (`StoreError.rosterInvalid`).
    public static func parse(_ data: Data, path: String) throws -> Roster {
        guard let text = String(data: data, encoding: .utf8) else {
            throw StoreError.rosterInvalid(path: path, issues: [
                RosterIssue(row: 1, column: "-", problem: "the file is not UTF-8 text; save it as CSV UTF-8", kind: .notUTF8),
            ])
        }
        let (parsed, ending) = CSVParser(delimiter: ",").records(in: text)
        if case .quoteNeverClosed(let line) = ending {
            throw StoreError.malformedCSV(path: path, line: line, detail: "a quoted field is never closed")
        }
        let records = parsed.map { RosterReader.Record(line: $0.line, fields: $0.fields) }
        do {
            return try RosterReader.read(records)
        } catch {
            throw StoreError.rosterInvalid(path: path, issues: error.issues)
        }
    }

    /// The roster as `roster.csv` text (UTF-8, no BOM: it is read by the bot, not opened in Excel).
    public static func render(_ roster: Roster) -> Data {
        Data(CSVWriter.text(RosterReader.rows(of: roster), byteOrderMark: false, excelSafe: false).utf8)
    }
}
