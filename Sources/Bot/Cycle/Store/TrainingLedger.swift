import Foundation
public import Regulation
public import Store

/// The ledger (Regulation's `TrainingLedger`) in the store: `<store>/training/ledger.json`,
/// written by the store's `TrainingLedgerFile` in one atomic write.
extension TrainingLedger {
    /// The ledger of `store`; empty before the first certificate.
    public static func load(from store: FileStore) throws -> TrainingLedger {
        try store.trainingLedger.load(TrainingLedger.self) ?? TrainingLedger()
    }

    func save(to store: FileStore) throws {
        try store.trainingLedger.save(self)
    }
}
