import Documents
import Staff

extension StaffRoster {
    /// The facts the rules need (category, leadership) of everyone on the roster, as the one
    /// roster reader (`RosterReader`) read it.
    public init(_ roster: Roster) {
        self.init(roster.people.map { person in
            StaffMember(email: person.email, category: person.category == .pps ? .pps : .abp, isLeadership: person.leadership)
        })
    }
}

extension RosterReader {
    /// Reads a roster from a table of any document format (`cpdbot plan check --roster FILE`):
    /// the same reader, the same columns and checks as the store's `roster.csv`.
    public static func read(_ table: Table) throws(RosterError) -> Roster {
        try read(table.rows.filter { !$0.isBlank }.map { row in
            Record(line: row.number, fields: row.cells.map(\.value.plainText))
        })
    }
}
