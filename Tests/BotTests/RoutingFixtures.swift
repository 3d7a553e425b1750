import Foundation
@testable import Intake
import Staff
import Store
import Testing
@testable import Bot

/// The sample corpus of Tests/Fixtures/samples, as routing tests need it.
enum RoutingFixtures {
    static var samples: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent("samples")
    }

    static func roster() throws -> Roster {
        try RosterCSV.parse(Data(contentsOf: samples.appendingPathComponent("roster.csv")), path: "roster.csv")
    }

    struct Oracle: Decodable {
        let emails: [MessageRecord]
    }

    struct MessageRecord: Decodable, Sendable, CustomTestStringConvertible {
        struct Attachment: Decodable, Sendable {
            let filename: String
            let is_application: Bool
            let error_kind: String?
            let rows_in_file: Int?
        }
        struct BodyTable: Decodable, Sendable {
            let rows: [Row]
            struct Row: Decodable, Sendable {}
        }
        let file: String
        let kind: String
        let from: String
        let sender_effective: String?
        let unit: String?
        let attachments: [Attachment]
        let body_table: BodyTable?
        let expected_action: String

        var testDescription: String { file }
    }

    static func messages() throws -> [MessageRecord] {
        let data = try Data(contentsOf: samples.appendingPathComponent("expected.json"))
        return try JSONDecoder().decode(Oracle.self, from: data).emails
    }

    /// The facts the MIME and Documents readers would report for the record: the header
    /// signals follow from its `kind`, the file readings from its attachment records.
    static func facts(for record: MessageRecord) -> RoutingFacts {
        let attachments = record.attachments.map { attachment -> AttachmentFacts in
            let reading: AttachmentReading
            switch attachment.error_kind {
            case "unsupported_format": reading = .unsupported
            case "encrypted_or_corrupt": reading = .corrupt
            case "too_large": reading = .tooLarge
            case "unsafe_archive": reading = .unsafe
            case "no_table_found": reading = .noTableFound
            default: reading = attachment.is_application ? .usableRows(attachment.rows_in_file ?? 0) : .notApplication
            }
            return AttachmentFacts(fileName: attachment.filename, reading: reading)
        }
        return RoutingFacts(
            from: record.from,
            returnPathEmpty: record.kind == "bounce",
            isAutoReply: record.kind == "auto_reply",
            isBounce: record.kind == "bounce",
            authDMARCFailFromTrustedServer: record.kind == "spoofed",
            forwardedAuthor: record.kind == "forwarded_application" ? record.sender_effective.map(ForwardedAuthor.address) : nil,
            attachments: attachments,
            bodyTableRows: record.body_table?.rows.count
        )
    }

    /// The oracle's name for a decision's action.
    static func actionName(_ action: RoutingAction) -> String {
        switch action {
        case .storeAndReceipt: return "store_and_receipt"
        case .rejectWithReply: return "reject_with_reply"
        case .ignoreNoReply: return "ignore_no_reply"
        case .reportToDSHR: return "report_to_dshr"
        case let .dshrCommand(command): return "dshr_command_\(command.rawValue)"
        }
    }
}
