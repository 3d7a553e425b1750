public import Documents
public import Staff

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
    /// Reads a roster from a table of any document format (`cpdbot plan check --roster FILE`)
    /// with the one reader, as `Reading.planCheck` says: headers and values by meaning, the
    /// header below title rows, rows that cannot be used skipped and returned.
    public static func read(_ table: Table, limits: TableReadingLimits = .init()) throws(RosterError) -> (roster: Roster, skipped: [RosterIssue]) {
        let records = table.rows.prefix(limits.maxRows + limits.headerSearchRows).filter { !$0.isBlank }.map { row in
            Record(line: row.number, fields: row.cells.map(\.value.plainText))
        }
        return try read(records, as: .planCheck(headerSearchRecords: limits.headerSearchRows))
    }
}
