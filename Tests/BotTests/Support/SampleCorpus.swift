import Foundation

/// Tests/Fixtures/samples: the sample messages and their oracle (expected.json).
struct SampleCorpus: Decodable {
    struct Email: Decodable {
        var file: String
        var received: String
        var kind: String
        var from: String
        var senderEffective: String?
        var unit: String?
        var expectedAction: String
        var rowsExpected: Int

        enum CodingKeys: String, CodingKey {
            case file, received, kind, from, unit
            case senderEffective = "sender_effective"
            case expectedAction = "expected_action"
            case rowsExpected = "rows_expected"
        }

        /// The IMAP folder the bot must leave the message in.
        var expectedFolder: String {
            switch expectedAction {
            case "store_and_receipt": "Processed"
            case "reject_with_reply": "Rejected"
            case "ignore_no_reply": "Ignored"
            default: "Reported"
            }
        }
    }

    struct FinalRows: Decodable {
        var message: String
        var rows: Int
    }

    var cycle: String
    var emails: [Email]
    var finalRowsByUnit: [String: FinalRows]

    enum CodingKeys: String, CodingKey {
        case cycle, emails
        case finalRowsByUnit = "final_rows_by_unit"
    }

    static let directory = MailSandbox.repository.appendingPathComponent("Tests/Fixtures/samples")

    static func load() throws -> SampleCorpus {
        try JSONDecoder().decode(SampleCorpus.self, from: Data(contentsOf: directory.appendingPathComponent("expected.json")))
    }

    func url(_ email: Email) -> URL { Self.directory.appendingPathComponent(email.file) }

    /// The messages in the order they were received (the Date header's order).
    var inReceivedOrder: [Email] {
        let parser = ISO8601DateFormatter()
        return emails.sorted { (parser.date(from: $0.received) ?? .distantPast) < (parser.date(from: $1.received) ?? .distantPast) }
    }

    /// The Message-ID header of a sample message.
    func messageID(_ email: Email) throws -> String {
        MailSandbox.header("Message-ID", in: try Data(contentsOf: url(email))) ?? ""
    }
}
