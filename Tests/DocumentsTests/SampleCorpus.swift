import Foundation

/// The sample corpus copied into the repo (Tests/Fixtures/samples) and its oracle.
enum SampleCorpus {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/samples")

    struct Application: Sendable, CustomStringConvertible {
        var file: String
        var format: String
        var errorKind: String?
        var readable: Bool
        /// Names and e-mails of the oracle's valid rows, and the row numbers it reports problems on.
        var names: [String] = []
        var emails: [String] = []
        var invalidRowNumbers: [Int] = []
        var description: String { file }
    }

    /// Every `applications/` record of expected.json.
    static func applications() -> [Application] {
        guard let data = try? Data(contentsOf: root.appendingPathComponent("expected.json")),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let records = json["applications"] as? [[String: Any]] else { return [] }
        return records.compactMap { record in
            guard let file = record["file"] as? String, let format = record["format"] as? String else { return nil }
            let rows = record["rows"] as? [[String: Any]] ?? []
            let invalid = record["invalid_rows"] as? [[String: Any]] ?? []
            return Application(file: file, format: format, errorKind: record["error_kind"] as? String,
                               readable: record["readable"] as? Bool ?? false,
                               names: rows.compactMap { $0["full_name"] as? String },
                               emails: rows.compactMap { $0["email"] as? String },
                               invalidRowNumbers: invalid.compactMap { $0["row"] as? Int })
        }
    }

    /// The `body_table` of an `emails/` record.
    static func bodyTable(_ file: String) -> Application? {
        guard let data = try? Data(contentsOf: root.appendingPathComponent("expected.json")),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let records = json["emails"] as? [[String: Any]],
              let table = records.first(where: { $0["file"] as? String == file })?["body_table"] as? [String: Any]
        else { return nil }
        let rows = table["rows"] as? [[String: Any]] ?? []
        let invalid = table["invalid_rows"] as? [[String: Any]] ?? []
        return Application(file: file, format: "html", errorKind: nil, readable: true,
                           names: rows.compactMap { $0["full_name"] as? String },
                           emails: rows.compactMap { $0["email"] as? String },
                           invalidRowNumbers: invalid.compactMap { $0["row"] as? Int })
    }

    static func bytes(_ file: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(file)))
    }
}
