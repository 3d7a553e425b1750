import Foundation
import Regulation
import Store

/// The certificates issued and the training history they add, kept together in one file
/// (`<store>/training/ledger.json`) so that one atomic write records both: a certificate
/// number is never issued without its history entry, nor twice.
public struct TrainingLedger: Codable, Sendable, Equatable {
    public var certificates = CertificateRegistry()
    public var history: [TrainingRecord] = []
    /// The latest status DSHR reported per `<course>\u{0}<email>` (repeats send nothing new
    /// because notices are keyed by purpose in the outbox; this keeps what was reported).
    public var results: [String: String] = [:]

    public init() {}

    static func url(in store: FileStore) -> URL {
        store.root.appendingPathComponent("training", isDirectory: true).appendingPathComponent("ledger.json")
    }

    public static func load(from store: FileStore) throws -> TrainingLedger {
        try AtomicFile.readJSON(TrainingLedger.self, from: url(in: store)) ?? TrainingLedger()
    }

    func save(to store: FileStore) throws {
        let url = Self.url(in: store)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try AtomicFile.writeJSON(self, to: url)
    }
}
