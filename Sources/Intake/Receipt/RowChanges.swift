/// What a resend changed in a unit's application: the rows added, removed and changed, keyed
/// (by the employee's e-mail for applications). Pure: the stored rows and the new ones in, the
/// receipt's "what changed" out. Generic over the row, so that the store's record type need not
/// be known here (Intake does not import Store); the bot names the application case
/// `ApplicationChange`.
///
/// It keeps the two lists (shared, not copied) and the positions of what changed; the rows are
/// picked out when asked for. Every message replaces a unit's application and yields a change,
/// but only a receipt reads the rows, and copying a few hundred rows per message was a tenth
/// of a pass's handling.
public struct RowChanges<Row: Sendable>: Sendable {
    /// A row present before and after, with different content.
    public struct Change: Sendable {
        /// The row as stored before the resend.
        public let before: Row
        /// The row as the resend has it.
        public let after: Row
        /// The names of the fields whose values differ, as `changedFields` gives them.
        public let fields: [String]
    }

    /// True when the unit had no rows before (the first submission, not a resend).
    public let isFirstSubmission: Bool

    private let old: [Row]
    private let new: [Row]
    /// Positions in `new`.
    private let addedAt: [Int]
    /// Positions in `old`.
    private let removedAt: [Int]
    /// Positions in `new`, and of the row with the same key in `old`.
    private let changedAt: [(new: Int, old: Int)]
    private let changedFields: @Sendable (_ after: Row, _ before: Row) -> [String]

    /// Rows that the resend adds, in the resend's order.
    public var added: [Row] { addedAt.map { new[$0] } }
    /// Rows that the resend drops, in the stored order.
    public var removed: [Row] { removedAt.map { old[$0] } }
    /// Rows kept with changed content, in the resend's order (built on demand).
    public var changed: [Change] {
        changedAt.map { Change(before: old[$0.old], after: new[$0.new], fields: changedFields(new[$0.new], old[$0.old])) }
    }

    /// True when the resend changed nothing.
    public var isEmpty: Bool { addedAt.isEmpty && removedAt.isEmpty && changedAt.isEmpty }

    /// Compares `new` with `old` (nil: nothing was stored, the first submission). A row of
    /// `new` is compared with the first row of `old` that has its `key`; a row changed when
    /// `changedFields` names at least one field. Keys are compared as given: normalise them first.
    public init(old: [Row]?, new: [Row], key: (Row) -> String,
                changedFields: @escaping @Sendable (_ after: Row, _ before: Row) -> [String]) {
        let before = old ?? []
        var oldIndex: [String: Int] = [:]
        oldIndex.reserveCapacity(before.count)
        for (index, row) in before.enumerated() where oldIndex[key(row)] == nil { oldIndex[key(row)] = index }
        var newKeys = Set<String>(minimumCapacity: new.count)
        var addedAt: [Int] = []
        var changedAt: [(new: Int, old: Int)] = []
        for (index, row) in new.enumerated() {
            let rowKey = key(row)
            newKeys.insert(rowKey)
            if let stored = oldIndex[rowKey] {
                if !changedFields(row, before[stored]).isEmpty { changedAt.append((index, stored)) }
            } else {
                addedAt.append(index)
            }
        }
        self.old = before
        self.new = new
        self.addedAt = addedAt
        self.removedAt = before.indices.filter { !newKeys.contains(key(before[$0])) }
        self.changedAt = changedAt
        self.changedFields = changedFields
        isFirstSubmission = old == nil
    }
}

extension RowChanges.Change: Equatable where Row: Equatable {}

extension RowChanges: Equatable where Row: Equatable {
    /// Equal when the same rows were added, removed and changed, whatever the index layout.
    public static func == (lhs: RowChanges, rhs: RowChanges) -> Bool {
        lhs.isFirstSubmission == rhs.isFirstSubmission && lhs.added == rhs.added && lhs.removed == rhs.removed
            && lhs.changed == rhs.changed
    }
}
