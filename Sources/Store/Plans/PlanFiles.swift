public import Foundation

/// `<store>/plans/<slot>/`: the Plans DSHR sent, one folder per slot – `plan.json` (the Plan's
/// state and dates) and the file as DSHR sent it. The store owns the folders and the writes
/// (atomic, 0600 files in 0700 folders); what `plan.json` means is the cycle's (`StoredPlan` in
/// Bot), which hands it over as a `Codable` value.
public struct PlanFiles: Sendable {
    /// `<store>/plans`.
    public let directory: URL

    init(directory: URL) {
        self.directory = directory
    }

    /// The name of each slot's metadata file.
    public static let metadataName = "plan.json"

    /// Every slot that has a folder, in no particular order (the cycle knows the slots' order).
    public func slots() throws -> [String] {
        try StoreReadCache.shared.list(directory.path).filter { !$0.hasPrefix(".") }
    }

    /// The metadata of `slot`; nil when the slot has none.
    public func metadata<Metadata: Decodable>(_ type: Metadata.Type, slot: String) throws -> Metadata? {
        try AtomicFile.readJSON(type, from: try url(slot: slot, name: Self.metadataName))
    }

    /// Writes `slot`'s file (when given) and then its metadata, so that metadata never names a
    /// file that is not there.
    public func save<Metadata: Encodable>(_ metadata: Metadata, slot: String, file: (name: String, bytes: Data)? = nil) throws {
        let folder = try url(slot: slot, name: nil)
        try POSIX.makeDirectory(folder.path)
        if let file { try AtomicFile.write(file.bytes, to: try url(slot: slot, name: file.name)) }
        try AtomicFile.writeJSON(metadata, to: try url(slot: slot, name: Self.metadataName))
    }

    /// A slot's file as `decode` makes it of the bytes; nil when it is missing. Decoded once
    /// while the file is unchanged where the store keeps a read cache (`StoreReadCache`).
    public func decoded<T>(slot: String, name: String, _ decode: (Data) throws -> T) throws -> T? {
        try StoreReadCache.shared.value(path: try url(slot: slot, name: name).path, kind: "plan:\(T.self)", decode: decode)
    }

    /// The bytes of a slot's file; nil when it is missing.
    public func file(slot: String, name: String) throws -> Data? {
        try POSIX.readIfExists(try url(slot: slot, name: name))
    }

    /// Where a slot's file lies (for messages that name it). Slot and file names are the
    /// cycle's own (`2026-2027.2`, `plan.xlsx`), never a sender's: anything that could leave
    /// the folder is refused.
    public func url(slot: String, name: String?) throws -> URL {
        for part in [slot] + (name.map { [$0] } ?? []) where part.isEmpty || part.hasPrefix(".") || part.contains("/") {
            throw StoreError.invalidValue(what: "a Plan's file in \(directory.path)", detail: "\"\(part)\" is not a plain file name")
        }
        let folder = directory.appendingPathComponent(slot, isDirectory: true)
        return name.map { folder.appendingPathComponent($0) } ?? folder
    }
}
