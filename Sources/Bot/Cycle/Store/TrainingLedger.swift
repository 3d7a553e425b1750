import Foundation
public import Regulation
public import Store

/// The certificates issued and the training history they add, kept together in one file
/// (`<store>/training/ledger.json`, written by the store's `TrainingLedgerFile`) so that one atomic write records both: a certificate
/// number is never issued without its history entry, nor twice.
public struct TrainingLedger: Codable, Sendable, Equatable {
    /// Every certificate number given.
    public var certificates = CertificateRegistry()
    /// Every course completed, certificates' and imported.
    public var history: [TrainingRecord] = []
    /// The latest status DSHR reported per `<course>\u{0}<email>` (repeats send nothing new
    /// because notices are keyed by purpose in the outbox; this keeps what was reported).
    public var results: [String: String] = [:]

    /// An empty ledger.
    public init() {}

    /// The ledger of `store` (`TrainingLedgerFile`); empty before the first certificate.
    public static func load(from store: FileStore) throws -> TrainingLedger {
        try store.trainingLedger.load(TrainingLedger.self) ?? TrainingLedger()
    }

    func save(to store: FileStore) throws {
        try store.trainingLedger.save(self)
    }
}
