public import Intake
public import Store

/// What a resend changed in a unit's application, by the employee's e-mail: Intake's pure
/// `RowChanges` over the store's rows.
public typealias ApplicationChange = RowChanges<StoredApplicationRow>

extension RowChanges where Row == StoredApplicationRow {
    /// The change from the rows the store replaced (nil: the unit's first application) to `new`.
    /// Only what the head wrote counts (`StoredApplicationRow.changedFields`), not where or when
    /// it came from; the store keeps e-mails lower-case, so they compare as they are.
    public init(replacing old: [StoredApplicationRow]?, with new: [StoredApplicationRow]) {
        self.init(old: old, new: new, key: \.email, changedFields: { after, before in after.changedFields(from: before) })
    }
}
