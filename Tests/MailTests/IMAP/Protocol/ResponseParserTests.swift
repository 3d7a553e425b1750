import Foundation
import TestSupport
import Testing
@testable import Mail

/// Recorded Dovecot 2.3 responses (and RFC 9051 examples) → the values the client acts on.
@Suite struct ResponseParserTests {
    struct Fixture: Sendable, CustomTestStringConvertible {
        var wire: String
        var expected: IMAPResponse
        var testDescription: String { String(wire.prefix(50)) }
    }

    static let fixtures: [Fixture] = [
        Fixture(wire: "+ idling\r\n", expected: .continuation("idling")),
        Fixture(wire: "* 12 EXISTS\r\n", expected: .untagged(.exists(12))),
        Fixture(wire: "* 0 RECENT\r\n", expected: .untagged(.recent(0))),
        Fixture(wire: "* 3 EXPUNGE\r\n", expected: .untagged(.expunge(3))),
        Fixture(wire: "* SEARCH 2 5 9\r\n", expected: .untagged(.search([2, 5, 9]))),
        Fixture(wire: "* SEARCH\r\n", expected: .untagged(.search([]))),
        Fixture(wire: "* SEARCH 4 7 (MODSEQ 917162500)\r\n", expected: .untagged(.search([4, 7]))),
        Fixture(
            wire: "* OK [UIDVALIDITY 1764063121] UIDs valid\r\n",
            expected: .untagged(.status(StatusResponse(
                status: .ok, code: ResponseCode(name: "UIDVALIDITY", values: [.atom("1764063121")]), text: "UIDs valid")))),
        Fixture(
            wire: "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted.\r\n",
            expected: .untagged(.status(StatusResponse(
                status: .ok,
                code: ResponseCode(name: "PERMANENTFLAGS", values: [.list([
                    .atom("\\Answered"), .atom("\\Flagged"), .atom("\\Deleted"), .atom("\\Seen"), .atom("\\Draft"), .atom("\\*"),
                ])]),
                text: "Flags permitted.")))),
        Fixture(
            wire: "* FLAGS (\\Answered \\Flagged $Forwarded)\r\n",
            expected: .untagged(.flags(["\\Answered", "\\Flagged", "$Forwarded"]))),
        Fixture(
            wire: "* CAPABILITY IMAP4rev1 SASL-IR LITERAL+ IDLE MOVE UIDPLUS\r\n",
            expected: .untagged(.capability(["IMAP4REV1", "SASL-IR", "LITERAL+", "IDLE", "MOVE", "UIDPLUS"]))),
        Fixture(
            wire: "C7 OK [APPENDUID 1764063121 42] Append completed (0.002 + 0.000 secs).\r\n",
            expected: .tagged(tag: "C7", StatusResponse(
                status: .ok, code: ResponseCode(name: "APPENDUID", values: [.atom("1764063121"), .atom("42")]),
                text: "Append completed (0.002 + 0.000 secs)."))),
        Fixture(
            wire: "C9 NO [TRYCREATE] Mailbox doesn't exist: Processed\r\n",
            expected: .tagged(tag: "C9", StatusResponse(
                status: .no, code: ResponseCode(name: "TRYCREATE", values: []), text: "Mailbox doesn't exist: Processed"))),
        Fixture(
            wire: "C3 BAD Error in IMAP command UID SEARCH: Unknown argument\r\n",
            expected: .tagged(tag: "C3", StatusResponse(status: .bad, code: nil, text: "Error in IMAP command UID SEARCH: Unknown argument"))),
        Fixture(
            wire: "* 1 FETCH (UID 7 RFC822.SIZE 11 FLAGS (\\Seen) BODY[] {11}\r\nHello\r\nBye!)\r\n",
            expected: .untagged(.fetch(sequence: 1, FetchAttributes(
                uid: 7, size: 11, flags: ["\\Seen"], body: .data(Data("Hello\r\nBye!".utf8)))))),
        // Attribute order is the server's choice; an empty body is a zero-length literal.
        Fixture(
            wire: "* 2 FETCH (BODY[] {0}\r\n UID 8 FLAGS () RFC822.SIZE 0)\r\n",
            expected: .untagged(.fetch(sequence: 2, FetchAttributes(uid: 8, size: 0, flags: [], body: .data(Data()))))),
        // INTERNALDATE: the server's time of receipt, whatever the Date: header claims.
        Fixture(
            wire: "* 6 FETCH (UID 12 INTERNALDATE \"06-Dec-2026 14:03:09 +0500\" BODY[] {2}\r\nHi)\r\n",
            expected: .untagged(.fetch(sequence: 6, FetchAttributes(
                uid: 12, internalDate: Date(timeIntervalSince1970: 1_796_547_789), body: .data(Data("Hi".utf8)))))),
        // Flag change pushed by another session: no body.
        Fixture(
            wire: "* 3 FETCH (FLAGS (\\Deleted) UID 9)\r\n",
            expected: .untagged(.fetch(sequence: 3, FetchAttributes(uid: 9, size: nil, flags: ["\\Deleted"], body: nil)))),
        Fixture(
            wire: "* 4 FETCH (UID 10 BODY[] NIL)\r\n",
            expected: .untagged(.fetch(sequence: 4, FetchAttributes(uid: 10, body: nil)))),
        Fixture(
            wire: "* 5 FETCH (UID 11 BODY[] \"tiny \\\"quoted\\\" body\")\r\n",
            expected: .untagged(.fetch(sequence: 5, FetchAttributes(uid: 11, body: .data(Data("tiny \"quoted\" body".utf8)))))),
        Fixture(
            wire: "* LIST (\\HasNoChildren) \"/\" \"Sent Items\"\r\n",
            expected: .untagged(.other(name: "LIST", values: [.list([.atom("\\HasNoChildren")]), .quoted(Array("/".utf8)), .quoted(Array("Sent Items".utf8))]))),
        Fixture(
            wire: "* BYE Logging out\r\n",
            expected: .untagged(.status(StatusResponse(status: .bye, code: nil, text: "Logging out")))),
        // A lower-case status and spacing some servers send.
        Fixture(
            wire: "a1 ok  done\r\n",
            expected: .tagged(tag: "a1", StatusResponse(status: .ok, code: nil, text: "done"))),
    ]

    @Test(arguments: fixtures)
    func parsesRecordedResponse(_ fixture: Fixture) throws {
        var framer = ResponseFramer()
        try framer.append(Array(fixture.wire.utf8))
        let next = framer.next()
        let raw = try #require(next)
        #expect(try ResponseParser.parse(raw) == fixture.expected)
        let extra = framer.next()
        #expect(extra == nil)
    }

    static let malformed: [String] = [
        "* 1 FETCH (UID 7 BODY[]\r\n",           // unterminated list
        "* 1 FETCH (UID)\r\n",                    // name without value
        "C1 MAYBE whatever\r\n",                  // unknown status
        "* OK [UIDVALIDITY 3 Unterminated\r\n",   // response code without ]
        "* 1 FETCH (UID 7 BODY[] \"unterminated)\r\n",
        "\r\n",
    ]

    @Test(arguments: malformed)
    func rejectsMalformedResponseWithoutCrashing(_ wire: String) throws {
        var framer = ResponseFramer()
        try framer.append(Array(wire.utf8))
        let next = framer.next()
        let raw = try #require(next)
        #expect(throws: ResponseScanner.SyntaxError.self) { try ResponseParser.parse(raw) }
    }

    @Test func hostileNestingIsRefusedNotAStackOverflow() throws {
        var framer = ResponseFramer()
        try framer.append(Array(("* 1 FETCH " + String(repeating: "(", count: 100_000) + "\r\n").utf8))
        let next = framer.next()
        let raw = try #require(next)
        #expect(throws: ResponseScanner.SyntaxError.self) { try ResponseParser.parse(raw) }
    }

    /// Mutated recorded responses: every outcome is a value or a thrown error, never a crash.
    @Test func mutatedResponsesNeverCrash() throws {
        var (generator, _) = TestSeed.generator(for: "ResponseParserTests.mutatedResponsesNeverCrash", fixed: 20261125)
        let alphabet = Array("()[]{}\"\\ *+~0123456789ABCNIL\r\n".utf8)
        var parsed = 0
        for _ in 0..<3_000 {
            let fixture = Self.fixtures[Int(generator.next() % UInt64(Self.fixtures.count))]
            var bytes = Array(fixture.wire.utf8)
            for _ in 0..<(1 + generator.next() % 4) {
                let index = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes[index] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                case 1: bytes.remove(at: index)
                default: bytes.insert(alphabet[Int(generator.next() % UInt64(alphabet.count))], at: index)
                }
                if bytes.isEmpty { bytes = [0x0A] }
            }
            var framer = ResponseFramer(limits: .init(maxLineBytes: 4_096, maxLiteralBytes: 64))
            do {
                try framer.append(bytes)
                while let raw = framer.next() {
                    if (try? ResponseParser.parse(raw)) != nil { parsed += 1 }
                }
            } catch {
                continue  // a framing error is a fine outcome
            }
        }
        #expect(parsed > 0)
    }
}

/// A small deterministic generator so the mutation test is reproducible.
/// INTERNALDATE (RFC 9051 date-time): the server's time of receipt.
@Suite struct InternalDateTests {
    @Test(arguments: [
        ("17-Jul-1996 02:44:25 -0700", 837_596_665.0),
        (" 7-Jul-1996 02:44:25 +0000", 836_707_465.0),
        ("01-Jan-2027 00:00:00 +0500", 1_798_743_600.0),
    ])
    func readsInternalDate(_ text: String, _ seconds: Double) {
        #expect(InternalDate.parse(text) == Date(timeIntervalSince1970: seconds))
    }

    @Test(arguments: ["", "31-Feb-2026 00:00:00 +0000", "17-Jul-96 02:44:25 -0700", "17-Jul-1996 02:44 -0700",
                      "17-Foo-1996 02:44:25 -0700", "17-Jul-1996 25:00:00 +0000", "17-Jul-1996 02:44:25 0700"])
    func refusesMalformedInternalDate(_ text: String) {
        #expect(InternalDate.parse(text) == nil)
    }
}
