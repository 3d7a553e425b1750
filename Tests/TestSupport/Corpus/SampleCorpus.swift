public import Foundation

/// The sample corpus copied into the repository (`Tests/Fixtures/samples`): messages,
/// applications, the roster, and the oracle that says what each should give (`expected.json`).
/// One reading of it for every test target.
public enum SampleCorpus {
    /// `Tests/Fixtures/samples`.
    public static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Corpus
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Fixtures/samples")

    /// The same as `directory`.
    public static var root: URL { directory }

    /// The sample roster (`roster.csv`).
    public static var roster: URL { directory.appendingPathComponent("roster.csv") }

    /// A file of the corpus by its path in it (`emails/01_….eml`).
    public static func url(_ file: String) -> URL { directory.appendingPathComponent(file) }

    public static func bytes(_ file: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(file)))
    }

    /// One `emails/` record of the oracle.
    public struct Email: Decodable, Sendable, CustomStringConvertible {
        public var file: String
        public var kind: String
        public var from: String
        /// The author a forward names (the head who really sent it).
        public var senderEffective: String?
        public var attachments: [Attachment]
        public var failedRecipient: String?
        public var claimedFrom: String?
        /// ISO 8601, the moment the message was received (its `Date:`).
        public var received: String
        public var unit: String?
        /// `store_and_receipt`, `reject_with_reply`, `ignore_no_reply` or `report_to_dshr`.
        public var expectedAction: String
        public var rowsExpected: Int?

        public var description: String { file }

        /// The IMAP folder the bot must leave the message in.
        public var expectedFolder: String {
            switch expectedAction {
            case "store_and_receipt": "Processed"
            case "reject_with_reply": "Rejected"
            case "ignore_no_reply": "Ignored"
            default: "Reported"
            }
        }

        enum CodingKeys: String, CodingKey {
            case file, kind, from, attachments, received, unit
            case senderEffective = "sender_effective"
            case failedRecipient = "failed_recipient"
            case claimedFrom = "claimed_from"
            case expectedAction = "expected_action"
            case rowsExpected = "rows_expected"
        }
    }

    /// An attachment of an oracle record (and what a container attachment holds).
    public struct Attachment: Decodable, Sendable {
        public var filename: String
        public var contentType: String
        public var size: Int?
        public var sha256: String?
        public var insideForwardedMessage: Bool?
        public var contains: [Attachment]?

        enum CodingKeys: String, CodingKey {
            case filename, size, sha256, contains
            case contentType = "content_type"
            case insideForwardedMessage = "inside_forwarded_message"
        }
    }

    /// The rows the store must hold for a unit at the end, and the message they come from.
    public struct FinalRows: Decodable, Sendable {
        public var message: String
        public var rows: Int
    }

    /// The oracle's messages and what the whole corpus must leave in the store.
    public struct Oracle: Decodable, Sendable {
        public var cycle: String
        public var emails: [Email]
        public var finalRowsByUnit: [String: FinalRows]

        enum CodingKeys: String, CodingKey {
            case cycle, emails
            case finalRowsByUnit = "final_rows_by_unit"
        }

        public func url(_ email: Email) -> URL { SampleCorpus.url(email.file) }

        /// The messages in the order they were received (the Date header's order).
        public var inReceivedOrder: [Email] {
            let parser = ISO8601DateFormatter()
            return emails.sorted {
                (parser.date(from: $0.received) ?? .distantPast) < (parser.date(from: $1.received) ?? .distantPast)
            }
        }
    }

    /// `expected.json`, decoded; throws when it is missing or does not decode.
    public static func load() throws -> Oracle {
        try JSONDecoder().decode(Oracle.self, from: Data(contentsOf: url("expected.json")))
    }

    /// The oracle's messages; empty when it cannot be read (a test over them then fails on its count).
    public static let emails: [Email] = (try? load().emails) ?? []

    /// An `applications/` record of the oracle, or an `emails/` record's `body_table`: the valid
    /// rows' names and addresses and the row numbers it reports problems on.
    public struct Application: Sendable, CustomStringConvertible {
        public var file: String
        public var format: String
        public var errorKind: String?
        public var readable: Bool
        public var names: [String] = []
        public var emails: [String] = []
        public var invalidRowNumbers: [Int] = []
        public var description: String { file }
    }

    private static func oracleJSON() -> [String: Any]? {
        guard let data = try? Data(contentsOf: url("expected.json")) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    private static func application(file: String, format: String, errorKind: String?, readable: Bool,
                                    table: [String: Any]) -> Application {
        let rows = table["rows"] as? [[String: Any]] ?? []
        let invalid = table["invalid_rows"] as? [[String: Any]] ?? []
        return Application(file: file, format: format, errorKind: errorKind, readable: readable,
                           names: rows.compactMap { $0["full_name"] as? String },
                           emails: rows.compactMap { $0["email"] as? String },
                           invalidRowNumbers: invalid.compactMap { $0["row"] as? Int })
    }

    /// Every `applications/` record of expected.json.
    public static func applications() -> [Application] {
        guard let records = oracleJSON()?["applications"] as? [[String: Any]] else { return [] }
        return records.compactMap { record in
            guard let file = record["file"] as? String, let format = record["format"] as? String else { return nil }
            return application(file: file, format: format, errorKind: record["error_kind"] as? String,
                               readable: record["readable"] as? Bool ?? false, table: record)
        }
    }

    /// The `body_table` of an `emails/` record.
    public static func bodyTable(_ file: String) -> Application? {
        guard let records = oracleJSON()?["emails"] as? [[String: Any]],
              let table = records.first(where: { $0["file"] as? String == file })?["body_table"] as? [String: Any]
        else { return nil }
        return application(file: file, format: "html", errorKind: nil, readable: true, table: table)
    }
}
