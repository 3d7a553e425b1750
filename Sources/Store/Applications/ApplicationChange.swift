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
        // Indexes, not copies: a pass compares a unit's few hundred rows once per message.
        var oldIndex: [String: Int] = [:]
        oldIndex.reserveCapacity(old.count)
        for (index, row) in old.enumerated() where oldIndex[row.email] == nil { oldIndex[row.email] = index }
        var newEmails = Set<String>(minimumCapacity: new.count)
        for row in new { newEmails.insert(row.email) }
        added = new.filter { oldIndex[$0.email] == nil }
        removed = old.filter { !newEmails.contains($0.email) }
        changed = new.compactMap { row in
            guard let index = oldIndex[row.email], row.differsInContent(from: old[index]) else { return nil }
            return Change(before: old[index], after: row, fields: row.changedFields(from: old[index]))
        }
        self.isFirstSubmission = isFirstSubmission
    }
}
