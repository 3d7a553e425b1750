import Foundation
@testable import Intake
import MIME
import Mail
import Testing
@testable import Bot

/// A message from the bot's own address is only parsed on the reading threads: whether it is
/// the bot's own copy is the outbox's word, on the handling thread (`MessageHandler.handle`).
@Suite struct OwnCopyReadingTests {
    static let bot = "cpd-bot@kazguu.kz"

    private func fetched(from: String, messageID: String?) -> FetchedMessage {
        let id = messageID.map { "Message-ID: \($0)\r\n" } ?? ""
        let raw = "From: CPD bot <\(from)>\r\nTo: a.seitkali@kazguu.kz\r\nSubject: Receipt\r\n\(id)\r\n"
            + "---------- Forwarded message ---------\r\nFrom: Someone <s@kazguu.kz>\r\nDate: today\r\n"
        return FetchedMessage(uid: 7, size: raw.utf8.count, flags: [], content: .complete(Data(raw.utf8)))
    }

    private func prepare(_ message: FetchedMessage, ownAddress: String?) -> MessageHandler.Prepared {
        MessageHandler.prepare(message, fetchedAt: Date(timeIntervalSince1970: 1_780_000_000),
                               limits: MessageReading.Limits(), ownAddress: ownAddress)
    }

    @Test func fromTheBotWithAMessageIDIsOnlyParsed() throws {
        let prepared = prepare(fetched(from: "CPD-Bot@KazGUU.kz", messageID: "<r1@kazguu.kz>"), ownAddress: Self.bot)
        let candidate = try #require(prepared.ownCopyCandidate)
        #expect(candidate.messageID == "r1@kazguu.kz" || candidate.messageID == "<r1@kazguu.kz>")
        #expect(prepared.reading == nil)
    }

    @Test(arguments: [("cpd-bot@kazguu.kz", nil), ("a.seitkali@kazguu.kz", "<r2@kazguu.kz>")] as [(String, String?)])
    func otherMailIsReadInFull(from: String, messageID: String?) throws {
        let prepared = prepare(fetched(from: from, messageID: messageID), ownAddress: Self.bot)
        #expect(prepared.ownCopyCandidate == nil)
        let reading = try #require(try prepared.reading?.get())
        // The full reading ran: the forward block in the body was found.
        #expect(reading.summary.forward?.author == "s@kazguu.kz")
        #expect(prepared.sha256 != nil)
    }

    @Test func withoutAnOwnAddressEverythingIsReadInFull() throws {
        let prepared = prepare(fetched(from: Self.bot, messageID: "<r3@kazguu.kz>"), ownAddress: nil)
        #expect(prepared.ownCopyCandidate == nil)
        #expect(try prepared.reading?.get().summary.from == Self.bot)
    }
}
