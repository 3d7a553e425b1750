import Documents

/// `roster.csv` (DESIGN.md "Roster") → the roster facts the rules need. Rows without a usable
/// address or category are skipped and reported.
public struct RosterTableReader: Sendable {
    enum Column: String, TableColumn {
        case email, category, leadership
        var isRequired: Bool { self != .leadership }
        var names: [String] {
            switch self {
            case .email: return ["e mail", "электронная почта", "электрондық пошта"]
            case .category: return ["категория", "санат"]
            case .leadership: return ["руководство", "басшылық"]
            }
        }
    }

    public var limits: TableReadingLimits

    public init(limits: TableReadingLimits = .init()) {
        self.limits = limits
    }

    public func read(_ table: Table) throws(RegulationError) -> (roster: StaffRoster, issues: [RowIssue]) {
        let header = try HeaderMap<Column>.find(in: table, searchRows: limits.headerSearchRows)
        var people: [StaffMember] = []
        var issues: [RowIssue] = []
        for row in table.rows.dropFirst(header.headerIndex + 1).prefix(limits.maxRows) where !row.isBlank {
            var r = RowReader(row: row, header: header, limits: limits)
            let email = r.email(.email)
            let category = r.named(.category, as: Audience.self)
            let leadership = ["yes", "да", "иә", "true", "1"].contains(Meaning.normalize(r.cell(.leadership).plainText))
            issues += r.issues
            if let email, let category { people.append(StaffMember(email: email, category: category, isLeadership: leadership)) }
        }
        return (StaffRoster(people), issues)
    }
}
