import TestSupport
import Testing
@testable import MIME

/// The message-level signals of every sample against expected.json: sender, date, forward author,
/// auto-reply, bounce, spoofing (topmost Authentication-Results).
@Suite struct SampleSignalTests {
    static let trustedServer = "mx.kazguu.kz"

    @Test(arguments: SampleCorpus.emails)
    func signalsMatchTheOracle(_ record: SampleCorpus.Email) throws {
        let message = try MessageParser().parse(try SampleCorpus.bytes(record.file))
        #expect(message.sender?.lowercasedAddress == record.from)
        #expect(message.date?.iso8601 == record.received)
        #expect(!message.isStructurallyBroken)

        let forward = ForwardDetector.origin(of: message)
        if record.kind == "forwarded_application" {
            #expect(forward?.author.lowercasedAddress == record.senderEffective)
        } else {
            #expect(forward == nil, "a reply that quotes the call is not a forward")
        }

        #expect(AutoReplyDetector.isAutoReply(message.header) == (record.kind == "auto_reply" || record.kind == "bounce"))

        let bounce = BounceDetector.failure(in: message)
        if let failed = record.failedRecipient {
            #expect(bounce?.recipients.map(\.address) == [failed])
            #expect(bounce?.originalMessageID == "<call-2026-05-05.7c1e9a40@kazguu.kz>")
        } else {
            #expect(bounce == nil)
        }

        let auth = AuthenticationResults.topmost(in: message.header)
        let spoofed = auth?.authservID == Self.trustedServer && auth?.dmarc == "fail"
        #expect(spoofed == (record.kind == "spoofed"))
        if let claimed = record.claimedFrom { #expect(message.sender?.lowercasedAddress == claimed) }
    }

    @Test func winmailDatListsTheFileInside() throws {
        let record = try #require(SampleCorpus.emails.first { $0.attachments.contains { $0.contains != nil } })
        let summary = try MessageSummary.read(try SampleCorpus.bytes(record.file))
        let expected = try #require(record.attachments.first { $0.contains != nil }?.contains)
        let inside = try #require(summary.attachments.first { $0.contains != nil }?.contains)
        #expect(inside.map(\.filename) == expected.map(\.filename))
        #expect(inside.map(\.size) == expected.map(\.size))
        #expect(inside.map(\.sha256) == expected.map(\.sha256))
        #expect(inside.map(\.contentType) == expected.map(\.contentType))
    }

    @Test func missingClosingBoundaryIsOnlyADefect() throws {
        let record = try #require(SampleCorpus.emails.first { $0.file.contains("missing_closing_boundary") })
        let message = try MessageParser().parse(try SampleCorpus.bytes(record.file))
        #expect(message.defects.map(\.kind) == [.missingClosingBoundary])
        #expect(!message.isStructurallyBroken)
    }
}
