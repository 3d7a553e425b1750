import Foundation
import Testing

/// The sample corpus copied into the repository (Tests/Fixtures/samples) and its oracle.
enum SampleCorpus {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/samples")

    struct Oracle: Decodable {
        let emails: [EmailRecord]
    }

    struct EmailRecord: Decodable, Sendable, CustomTestStringConvertible {
        let file: String
        let kind: String
        let from: String
        let sender_effective: String?
        let attachments: [AttachmentRecord]
        let failed_recipient: String?
        let claimed_from: String?
        let received: String
        var testDescription: String { file }
    }

    struct AttachmentRecord: Decodable, Sendable {
        let filename: String
        let content_type: String
        let size: Int?
        let sha256: String?
        let inside_forwarded_message: Bool?
        let contains: [AttachmentRecord]?
    }

    static let emails: [EmailRecord] = {
        guard let data = try? Data(contentsOf: root.appendingPathComponent("expected.json")),
              let oracle = try? JSONDecoder().decode(Oracle.self, from: data) else { return [] }
        return oracle.emails
    }()

    static func bytes(_ file: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(file)))
    }
}

