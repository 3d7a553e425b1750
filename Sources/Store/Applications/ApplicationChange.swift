/// What a resend changed in a unit's application, keyed by the employee's e-mail.
public struct ApplicationChange: Equatable, Sendable {
    public struct Change: Equatable, Sendable {
        public let before: StoredApplicationRow
        public let after: StoredApplicationRow
        /// Record keys whose values differ.
        public let fields: [String]
    }

    public let added: [StoredApplicationRow]
    public let removed: [StoredApplicationRow]
    public let changed: [Change]
    /// True when the unit had no rows for the cycle before.
    public let isFirstSubmission: Bool

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    init(old: [StoredApplicationRow], new: [StoredApplicationRow], isFirstSubmission: Bool) {
        var oldByEmail: [String: StoredApplicationRow] = [:]
        for row in old where oldByEmail[row.email] == nil { oldByEmail[row.email] = row }
        let newEmails = Set(new.map(\.email))
        added = new.filter { oldByEmail[$0.email] == nil }
        removed = old.filter { !newEmails.contains($0.email) }
        changed = new.compactMap { row in
            guard let before = oldByEmail[row.email], row.differsInContent(from: before) else { return nil }
            return Change(before: before, after: row, fields: row.changedFields(from: before))
        }
        self.isFirstSubmission = isFirstSubmission
    }
}
