import Foundation

/// The one roster reader: the records of a roster table (header first; from `roster.csv` in
/// the store, or from any table file `cpdbot plan check --roster` is given) → a `Roster`, or
/// every problem at once, so that one reply can list them all.
///
/// The header is `email,full_name,category,unit,role,leadership,lang` in any column order
/// (DESIGN.md "Roster"), or the same columns named in Kazakh, Russian or English ("Электронная
/// почта", "Санат"…) with values such as ППС/АБП, да/иә/жоқ (`RosterVocabulary`);
/// `given_name` and `patronymic` are read when present. `rows(of:)` always writes the canonical
/// form. How the records were split from a file (CSV, a spreadsheet) is the caller's business.
public enum RosterReader {
    /// One record of the table: its fields, and the line (or spreadsheet row) it started on.
    public struct Record: Sendable, Equatable {
        /// The 1-based line (or spreadsheet row) the record starts on.
        public var line: Int
        /// The fields, as written.
        public var fields: [String]

        /// A record.
        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    /// The columns every roster has.
    public static let columns = ["email", "full_name", "category", "unit", "role", "leadership", "lang"]
    /// Read when present: the greeting's given name and patronymic.
    public static let optionalColumns = ["given_name", "patronymic"]

    /// How a roster is read: which columns it must have, where its header may be, and whether
    /// one bad row refuses the whole table. Headers and values are read by meaning in every case
    /// (kk/ru/en names, ППС/АБП, да/иә/жоқ, `RosterVocabulary`); only writing is canonical.
    public struct Reading: Sendable, Equatable {
        /// Columns the table is refused without; any other known column is read when present.
        public var requiredColumns: [String]
        /// The header is the record, among this many first ones, that names the most columns
        /// (title rows above it are skipped).
        public var headerSearchRecords: Int
        /// Skip a row that cannot be used and report it (`plan check`), instead of refusing
        /// the table (the store's roster, which replies to the sender must be able to trust).
        public var skipsBadRows: Bool

        /// A reading.
        public init(requiredColumns: [String], headerSearchRecords: Int, skipsBadRows: Bool) {
            self.requiredColumns = requiredColumns
            self.headerSearchRecords = max(1, headerSearchRecords)
            self.skipsBadRows = skipsBadRows
        }

        /// `roster.csv` in the store and a roster sent to replace it: every column, the header
        /// first, nothing read from a table with one bad row.
        public static let storeRoster = Reading(requiredColumns: columns, headerSearchRecords: 1, skipsBadRows: false)

        /// A roster to check a Plan against (`cpdbot plan check --roster`): email and category
        /// are enough (what the rules use, with leadership); rows that cannot be used are skipped.
        /// A person without the other columns reads as unnamed `staff`, no leadership, `kk`:
        /// such a roster is for checks, never for letters.
        public static func planCheck(headerSearchRecords: Int) -> Reading {
            Reading(requiredColumns: ["email", "category"], headerSearchRecords: headerSearchRecords, skipsBadRows: true)
        }
    }

    /// Reads `records` (the header first) as the store's roster (`Reading.storeRoster`). Throws
    /// `RosterError.invalid` with every problem, each naming its row and column; nothing is read
    /// from a roster that has one.
    public static func read(_ records: [Record]) throws(RosterError) -> Roster {
        try read(records, as: .storeRoster).roster
    }

    /// Reads `records` as `reading` says. Throws `RosterError.invalid` when a required column is
    /// missing, or (unless `reading.skipsBadRows`) when any row has a problem; otherwise returns
    /// the roster and the problems of the rows it skipped.
    public static func read(_ records: [Record], as reading: Reading) throws(RosterError) -> (roster: Roster, skipped: [RosterIssue]) {
        guard let first = records.first else {
            throw .invalid([
                RosterIssue(row: 1, column: "-", problem: "the file is empty; it needs the header \(columns.joined(separator: ","))", kind: .empty),
            ])
        }
        // The header: the first record naming the most known columns among those searched.
        var headerIndex = 0
        var position = headerPositions(first)
        for index in records.indices.dropFirst().prefix(reading.headerSearchRecords - 1) {
            let found = headerPositions(records[index])
            if found.count > position.count { (headerIndex, position) = (index, found) }
        }
        let header = records[headerIndex]
        let missing = reading.requiredColumns.filter { position[$0] == nil }
        guard missing.isEmpty else {
            throw .invalid(missing.map {
                RosterIssue(row: header.line, column: $0, problem: "the header has no such column", kind: .missingColumn)
            })
        }
        let required = Set(reading.requiredColumns)
        var issues: [RosterIssue] = []
        var people: [RosterPerson] = []
        var firstRowOf: [String: Int] = [:]
        for record in records.dropFirst(headerIndex + 1) {
            if reading.skipsBadRows, record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { continue }
            let row = record.line
            var rowIssues: [RosterIssue] = []
            func value(_ column: String) -> String {
                guard let index = position[column], index < record.fields.count else { return "" }
                return record.fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            func issue(_ column: String, _ problem: String, _ kind: RosterIssue.Kind, _ value: String? = nil) {
                rowIssues.append(RosterIssue(row: row, column: column, problem: problem, kind: kind, value: value))
            }
            /// A column's value read by `meaning`; an empty cell of a column that is not required
            /// takes `fallback`, a value that means nothing is an issue.
            func read<Value>(_ column: String, _ meaning: (String) -> Value?, fallback: Value?, _ problem: String, _ kind: RosterIssue.Kind) -> Value? {
                let text = value(column)
                if text.isEmpty, !required.contains(column) { return fallback }
                guard let result = meaning(text) else {
                    issue(column, "\"\(text)\" \(problem)", kind, text)
                    return nil
                }
                return result
            }
            let email = RosterVocabulary.address(value("email"))
            if email.isEmpty {
                issue("email", "missing", .missing)
            } else if !isPlausibleAddress(email) {
                issue("email", "\(email) is not an e-mail address", .invalidAddress, email)
            } else if let first = firstRowOf[email] {
                issue("email", "\(email) already appears in row \(first)", .duplicate, "\(first)")
            }
            let name = value("full_name")
            if name.isEmpty, required.contains("full_name") { issue("full_name", "missing", .missing) }
            let unit = value("unit")
            if unit.isEmpty, required.contains("unit") { issue("unit", "missing", .missing) }
            let category = read("category", RosterVocabulary.category, fallback: nil, "is not PPS or ABP", .invalidCategory)
            let role = read("role", RosterVocabulary.role, fallback: .staff, "is not staff, head or dshr", .invalidRole)
            let leadership = read("leadership", RosterVocabulary.yesOrNo, fallback: false, "is not yes or no", .invalidLeadership)
            let language = read("lang", RosterVocabulary.language, fallback: .kk, "is not kk, ru or en", .invalidLanguage)

            issues += rowIssues
            // A skipped row does not make a later row with its address a duplicate; in a table
            // that is refused, every repeat is named.
            if !email.isEmpty, firstRowOf[email] == nil, !reading.skipsBadRows || rowIssues.isEmpty { firstRowOf[email] = row }
            guard rowIssues.isEmpty, let category, let role, let leadership, let language else { continue }
            func optional(_ column: String) -> String? {
                let text = value(column)
                return text.isEmpty ? nil : text
            }
            people.append(RosterPerson(
                email: email, fullName: name, category: category, unit: unit, role: role,
                leadership: leadership, language: language,
                givenName: optional("given_name"), patronymic: optional("patronymic")
            ))
        }
        guard issues.isEmpty || reading.skipsBadRows else { throw .invalid(issues) }
        return (Roster(people: people), issues)
    }

    /// Where each known column is in `header` (the first of a repeated name counts).
    private static func headerPositions(_ header: Record) -> [String: Int] {
        var position: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() {
            guard let column = RosterVocabulary.column(named: name), position[column] == nil else { continue }
            position[column] = index
        }
        return position
    }

    /// The roster as table rows, header first, the way `read` reads them back.
    public static func rows(of roster: Roster) -> [[String]] {
        // The optional columns are written only when someone has them, so a roster without
        // them reads back byte for byte.
        let named = roster.people.contains { $0.givenName != nil || $0.patronymic != nil }
        let header = named ? columns + optionalColumns : columns
        return [header] + roster.people.map { named ? $0.tableFields + [$0.givenName ?? "", $0.patronymic ?? ""] : $0.tableFields }
    }

    /// One `@`, something on both sides, a dot in the domain, no spaces or angle brackets.
    static func isPlausibleAddress(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !address.contains { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" }
    }
}
