import Foundation
@testable import Intake
import MIME
import Staff
import Store
@testable import Bot

/// Tests/Fixtures/hostile: crafted messages (make_corpus.py) with the outcome, folder and reply
/// each must get (issue 13).
enum HostileCorpus {
    struct Case: Decodable, Sendable, CustomStringConvertible {
        var file: String
        var outcome: String
        var folder: String
        /// The template of the reply to the sender, or nil when nobody is answered.
        var reply: String?
        /// The file problem, refusal or author problem that decides it.
        var kind: String?
        var note: String
        var description: String { file }
    }

    struct Expected: Decodable {
        var received: String
        var messages: [Case]
    }

    static let directory = MailSandbox.repository.appendingPathComponent("Tests/Fixtures/hostile")

    static func expected() throws -> Expected {
        try JSONDecoder().decode(Expected.self, from: Data(contentsOf: directory.appendingPathComponent("expected.json")))
    }

    static var receivedAt: Date {
        ISO8601DateFormatter().date(from: (try? expected().received) ?? "") ?? Date()
    }

    static func raw(_ item: Case) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(item.file))
    }

    static func roster() throws -> Roster {
        try RoutingFixtures.roster()
    }

    /// What the bot decides for one message, reduced to what expected.json states.
    struct Verdict: Equatable, CustomStringConvertible {
        var outcome: String
        var reply: String?
        var kind: String?
        var description: String { "\(outcome) reply=\(reply ?? "none") kind=\(kind ?? "-")" }
    }

    static func verdict(_ raw: Data, roster: Roster) -> Verdict {
        let bytes = [UInt8](raw)
        let reading: MessageReading
        do {
            reading = try MessageReading.read(bytes, receivedAt: receivedAt, limits: .init())
        } catch {
            // Refused whole: the roster sender of a person's mail is told why.
            let refusal = MessageRefusal(error)
            var reply: String?
            if let header = HeaderPeek.header(of: bytes), let from = header.sender?.lowercasedAddress,
               header.from.count == 1, roster.person(address: from) != nil,
               !AutoReplyDetector.isAutoReply(header.header) {
                reply = "reject_message"
            }
            return Verdict(outcome: "rejected", reply: reply, kind: refusal.kind.rawValue)
        }
        let decision = Router.route(RoutingFacts(reading, trustedAuthservID: "mx.kazguu.kz"), roster: roster)
        var reply: String?
        var kind: String?
        switch decision.action {
        case .storeAndReceipt: reply = "receipt"
        case let .rejectWithReply(reason):
            switch reason {
            case .unknownSender: reply = "reject_unknown_sender"
            case .senderNotAllowed: reply = "reject_sender_not_allowed"
            case .forwardedAuthorUnknown, .dshrMessageNotUnderstood: reply = "reject_dshr_message"
            case .unitMismatch:
                reply = "reject_unit_mismatch"
                kind = "unit_mismatch"
            case let .files(problems):
                reply = "reject_file"
                kind = problems.first?.kind.rawValue
            }
        case .ignoreNoReply, .dshrCommand: break
        case let .reportToDSHR(reason):
            switch reason {
            case let .authorUnclear(problem): kind = String(String(describing: problem).prefix { $0 != "(" })
            case .noSender: kind = "noSender"
            default: kind = String(describing: reason)
            }
        }
        return Verdict(outcome: decision.outcome.rawValue, reply: reply, kind: kind)
    }
}
