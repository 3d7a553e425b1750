/// What a resend changed in a unit's application, keyed by the employee's e-mail.
///
/// It keeps the two lists (shared, not copied) and the positions of what changed; the rows are
/// picked out when asked for. Every message replaces a unit's application and yields a change,
/// but only a receipt reads the rows, and copying a few hundred rows per message was a tenth
/// of a pass's handling.
public struct ApplicationChange: Equatable, Sendable {
    /// A row present before and after, with different values.
    public struct Change: Equatable, Sendable {
        /// The row as stored before the resend.
        public let before: StoredApplicationRow
        /// The row as the resend has it.
        public let after: StoredApplicationRow
        /// Record keys whose values differ.
        public let fields: [String]
    }

    /// True when the unit had no rows for the cycle before.
    public let isFirstSubmission: Bool

    private let old: [StoredApplicationRow]
    private let new: [StoredApplicationRow]
    /// Positions in `new`.
    private let addedAt: [Int]
    /// Positions in `old`.
    private let removedAt: [Int]
    /// Positions in `new` and of the row with the same e-mail in `old`.
    private let changedAt: [Pair]

    private struct Pair: Equatable, Sendable {
        var new: Int
        var old: Int
    }

    /// Rows that the resend adds.
    public var added: [StoredApplicationRow] { addedAt.map { new[$0] } }
    /// Rows that the resend drops.
    public var removed: [StoredApplicationRow] { removedAt.map { old[$0] } }
    /// Rows kept with changed values (built on demand: only a receipt reads them).
    public var changed: [Change] {
        changedAt.map { Change(before: old[$0.old], after: new[$0.new], fields: new[$0.new].changedFields(from: old[$0.old])) }
    }

    /// True when the resend changed nothing.
    public var isEmpty: Bool { addedAt.isEmpty && removedAt.isEmpty && changedAt.isEmpty }

    init(old: [StoredApplicationRow], new: [StoredApplicationRow], isFirstSubmission: Bool) {
        // A row of the new list is compared with the first old row of its e-mail.
        var oldIndex: [String: Int] = [:]
        oldIndex.reserveCapacity(old.count)
        for (index, row) in old.enumerated() where oldIndex[row.email] == nil { oldIndex[row.email] = index }
        var newEmails = Set<String>(minimumCapacity: new.count)
        var addedAt: [Int] = []
        var changedAt: [Pair] = []
        for (index, row) in new.enumerated() {
            newEmails.insert(row.email)
            if let before = oldIndex[row.email] {
                if row.differsInContent(from: old[before]) { changedAt.append(Pair(new: index, old: before)) }
            } else {
                addedAt.append(index)
            }
        }
        self.old = old
        self.new = new
        self.addedAt = addedAt
        self.removedAt = old.indices.filter { !newEmails.contains(old[$0].email) }
        self.changedAt = changedAt
        self.isFirstSubmission = isFirstSubmission
    }

    /// Equal when the same rows were added, removed and changed, whatever the index layout.
    public static func == (lhs: ApplicationChange, rhs: ApplicationChange) -> Bool {
        lhs.isFirstSubmission == rhs.isFirstSubmission && lhs.added == rhs.added && lhs.removed == rhs.removed
            && lhs.changed == rhs.changed
    }
}
