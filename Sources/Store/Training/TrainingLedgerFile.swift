public import Foundation

/// `<store>/training/ledger.json`: the certificates issued and the training history they add,
/// kept in one file so that one atomic write records both (a certificate number is never
/// issued without its history entry, nor twice). The store owns the file; its content is the
/// cycle's (`TrainingLedger` in Bot), handed over as a `Codable` value.
public struct TrainingLedgerFile: Sendable {
    /// `<store>/training/ledger.json`.
    public let url: URL

    init(url: URL) {
        self.url = url
    }

    /// The ledger; nil before the first certificate.
    public func load<Ledger: Decodable>(_ type: Ledger.Type) throws -> Ledger? {
        try AtomicFile.readJSON(type, from: url)
    }

    /// Replaces the ledger atomically.
    public func save<Ledger: Encodable>(_ ledger: Ledger) throws {
        try POSIX.makeDirectory(url.deletingLastPathComponent().path)
        try AtomicFile.writeJSON(ledger, to: url)
    }
}
