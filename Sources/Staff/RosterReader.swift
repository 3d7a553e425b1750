import Foundation

/// The one roster reader: the records of a roster table (header first; from `roster.csv` in
/// the store, or from any table file `cpdbot plan check --roster` is given) → a `Roster`, or
/// every problem at once, so that one reply can list them all.
///
/// The header is `email,full_name,category,unit,role,leadership,lang` in any column order
/// (DESIGN.md "Roster"); `given_name` and `patronymic` are read when present. How the records
/// were split from a file (CSV, a spreadsheet) is the caller's business.
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

    /// Reads `records` (the header first). Throws `RosterError.invalid` with every problem,
    /// each naming its row and column; nothing is read from a roster that has one.
    public static func read(_ records: [Record]) throws(RosterError) -> Roster {
        guard let header = records.first else {
            throw .invalid([
                RosterIssue(row: 1, column: "-", problem: "the file is empty; it needs the header \(columns.joined(separator: ","))", kind: .empty),
            ])
        }
        var position: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            if position[key] == nil { position[key] = index }
        }
        let missing = columns.filter { position[$0] == nil }
        guard missing.isEmpty else {
            throw .invalid(missing.map {
                RosterIssue(row: header.line, column: $0, problem: "the header has no such column", kind: .missingColumn)
            })
        }
        var issues: [RosterIssue] = []
        var people: [RosterPerson] = []
        var firstRowOf: [String: Int] = [:]
        for (offset, record) in records.dropFirst().enumerated() {
            let row = offset + 2  // the header is row 1
            func value(_ column: String) -> String {
                guard let index = position[column], index < record.fields.count else { return "" }
                return record.fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            func issue(_ column: String, _ problem: String, _ kind: RosterIssue.Kind, _ value: String? = nil) {
                issues.append(RosterIssue(row: row, column: column, problem: problem, kind: kind, value: value))
            }
            let email = value("email").lowercased()
            if email.isEmpty {
                issue("email", "missing", .missing)
            } else if !isPlausibleAddress(email) {
                issue("email", "\(email) is not an e-mail address", .invalidAddress, email)
            } else if let first = firstRowOf[email] {
                issue("email", "\(email) already appears in row \(first)", .duplicate, "\(first)")
            }
            let name = value("full_name")
            if name.isEmpty { issue("full_name", "missing", .missing) }
            let unit = value("unit")
            if unit.isEmpty { issue("unit", "missing", .missing) }
            let category = RosterPerson.Category(rawValue: value("category").uppercased())
            if category == nil { issue("category", "\"\(value("category"))\" is not PPS or ABP", .invalidCategory, value("category")) }
            let role = RosterPerson.Role(rawValue: value("role").lowercased())
            if role == nil { issue("role", "\"\(value("role"))\" is not staff, head or dshr", .invalidRole, value("role")) }
            let leadership: Bool? = switch value("leadership").lowercased() {
            case "yes": true
            case "no": false
            default: nil
            }
            if leadership == nil { issue("leadership", "\"\(value("leadership"))\" is not yes or no", .invalidLeadership, value("leadership")) }
            let language = RosterPerson.Language(rawValue: value("lang").lowercased())
            if language == nil { issue("lang", "\"\(value("lang"))\" is not kk, ru or en", .invalidLanguage, value("lang")) }

            if !email.isEmpty, firstRowOf[email] == nil { firstRowOf[email] = row }
            if let category, let role, let leadership, let language, !email.isEmpty, !name.isEmpty, !unit.isEmpty {
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
        }
        guard issues.isEmpty else { throw .invalid(issues) }
        return Roster(people: people)
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
