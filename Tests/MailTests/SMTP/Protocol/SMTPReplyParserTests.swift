import Testing
@testable import Mail

@Suite struct SMTPReplyParserTests {
    /// What a pipelining Postfix answers to EHLO, then MAIL, three RCPTs (one refused, one
    /// greylisted over two lines), DATA and the end of data.
    static let stream = """
        250-mx.kazguu.kz\r
        250-PIPELINING\r
        250-SIZE 52428800\r
        250 SMTPUTF8\r
        250 2.1.0 Ok\r
        250 2.1.5 Ok\r
        550 5.1.1 <nobody@kazguu.kz>: Recipient address rejected: User unknown\r
        450-4.2.0 <staff1852@kazguu.kz>: Recipient address rejected:\r
        450 4.2.0 Greylisted, try again\r
        354 End data with <CR><LF>.<CR><LF>\r
        250 2.0.0 Ok: queued as 4F1\r

        """
    static let expected: [SMTPReply] = [
        SMTPReply(code: 250, lines: ["mx.kazguu.kz", "PIPELINING", "SIZE 52428800", "SMTPUTF8"]),
        SMTPReply(code: 250, lines: ["2.1.0 Ok"]),
        SMTPReply(code: 250, lines: ["2.1.5 Ok"]),
        SMTPReply(code: 550, lines: ["5.1.1 <nobody@kazguu.kz>: Recipient address rejected: User unknown"]),
        SMTPReply(code: 450, lines: ["4.2.0 <staff1852@kazguu.kz>: Recipient address rejected:", "4.2.0 Greylisted, try again"]),
        SMTPReply(code: 354, lines: ["End data with <CR><LF>.<CR><LF>"]),
        SMTPReply(code: 250, lines: ["2.0.0 Ok: queued as 4F1"]),
    ]

    static func parseAll(_ chunks: [[UInt8]], limits: SMTPLimits = SMTPLimits()) throws -> [SMTPReply] {
        var parser = SMTPReplyParser(limits: limits)
        var replies: [SMTPReply] = []
        for chunk in chunks {
            parser.append(chunk)
            while let reply = try parser.next() { replies.append(reply) }
        }
        return replies
    }

    /// Every split of the stream into two reads, including inside CRLF and inside a code.
    @Test func everyTwoWaySplitGivesTheSameReplies() throws {
        let bytes = Array(Self.stream.utf8)
        for cut in 0...bytes.count {
            let replies = try Self.parseAll([Array(bytes[..<cut]), Array(bytes[cut...])])
            #expect(replies == Self.expected, "split at byte \(cut)")
        }
    }

    @Test(arguments: [1, 2, 3, 5, 7, 64])
    func chunksOfAnySize(size: Int) throws {
        let bytes = Array(Self.stream.utf8)
        let chunks = stride(from: 0, to: bytes.count, by: size).map { Array(bytes[$0..<min($0 + size, bytes.count)]) }
        #expect(try Self.parseAll(chunks) == Self.expected)
    }

    @Test func partialReplyWaitsForItsLastLine() throws {
        var parser = SMTPReplyParser()
        parser.append(Array("250-first\r\n250-second\r\n250 th".utf8))
        #expect(try parser.next() == nil)
        parser.append(Array("ird\r\n".utf8))
        #expect(try parser.next() == SMTPReply(code: 250, lines: ["first", "second", "third"]))
        #expect(try parser.next() == nil)
    }

    @Test func bareLineFeedsAndBareCodesAreAccepted() throws {
        #expect(try Self.parseAll([Array("250\n221 2.0.0 Bye\n".utf8)])
                == [SMTPReply(code: 250, lines: [""]), SMTPReply(code: 221, lines: ["2.0.0 Bye"])])
    }

    @Test(arguments: [
        ("hello\r\n", "without a three-digit code"),
        ("25\r\n", "shorter than a code"),
        ("2x0 Ok\r\n", "without a three-digit code"),
        ("650 Ok\r\n", "without a three-digit code"),
        ("250_Ok\r\n", "neither space nor hyphen"),
        ("250-one\r\n251 two\r\n", "different codes"),
    ])
    func malformedRepliesAreRefused(text: String, reason: String) {
        let error = #expect(throws: SMTPReplyParser.Failure.self) { _ = try Self.parseAll([Array(text.utf8)]) }
        guard case .malformed(let actual, _)? = error else {
            Issue.record("expected a malformed-reply failure, got \(String(describing: error))")
            return
        }
        #expect(actual.contains(reason))
    }

    @Test func aLineOverTheLimitIsRefusedEvenBeforeItEnds() throws {
        let limits = SMTPLimits(maxReplyLineBytes: 100)
        let long = Array(("250 " + String(repeating: "x", count: 200)).utf8)
        #expect(throws: SMTPReplyParser.Failure.lineTooLong(actual: 204, maximum: 100)) {
            _ = try Self.parseAll([long], limits: limits)
        }
        // Complete or not, the line is measured without its line end.
        #expect(throws: SMTPReplyParser.Failure.lineTooLong(actual: 204, maximum: 100)) {
            _ = try Self.parseAll([long + Array("\r\n".utf8)], limits: limits)
        }
        #expect(try Self.parseAll([Array(("250 " + String(repeating: "y", count: 96) + "\r\n").utf8)], limits: limits).count == 1)
    }

    @Test func tooManyLinesInOneReplyAreRefused() {
        let text = String(repeating: "250-x\r\n", count: 10) + "250 end\r\n"
        #expect(throws: SMTPReplyParser.Failure.tooManyLines(actual: 6, maximum: 5)) {
            _ = try Self.parseAll([Array(text.utf8)], limits: SMTPLimits(maxReplyLines: 5))
        }
    }

    /// Many small replies through one parser: the buffer is compacted, nothing is lost.
    @Test func longStreamsStayInOrder() throws {
        let text = (0..<5_000).map { "250 2.1.5 Ok \($0)\r\n" }.joined()
        let bytes = Array(text.utf8)
        let chunks = stride(from: 0, to: bytes.count, by: 999).map { Array(bytes[$0..<min($0 + 999, bytes.count)]) }
        let replies = try Self.parseAll(chunks)
        #expect(replies.count == 5_000)
        #expect(replies.last?.text == "2.1.5 Ok 4999")
    }

    @Test func capabilitiesComeFromTheEHLOReply() {
        let capabilities = SMTPCapabilities(ehlo: Self.expected[0])
        #expect(capabilities.keywords == ["PIPELINING", "SIZE", "SMTPUTF8"])
        #expect(capabilities.maxMessageSize == 52_428_800)
        #expect(capabilities.pipelining && capabilities.size && capabilities.smtpUTF8)
        // The greeting line is not an extension.
        #expect(!SMTPCapabilities(ehlo: SMTPReply(code: 250, lines: ["PIPELINING"])).pipelining)
    }

    /// `cpdbot check` compares these with `smtp.auth` and `oauth2.mechanism`.
    @Test func authMechanismsComeFromTheAUTHLineInEitherForm() {
        let postfix = SMTPCapabilities(ehlo: SMTPReply(code: 250, lines: ["mx.kazguu.kz", "AUTH PLAIN LOGIN xoauth2 OAUTHBEARER", "8BITMIME"]))
        #expect(postfix.authMechanisms == ["PLAIN", "LOGIN", "XOAUTH2", "OAUTHBEARER"])
        let old = SMTPCapabilities(ehlo: SMTPReply(code: 250, lines: ["smtp.example.kz", "AUTH=LOGIN PLAIN"]))
        #expect(old.authMechanisms == ["LOGIN", "PLAIN"])
        #expect(SMTPCapabilities(ehlo: SMTPReply(code: 250, lines: ["mx.kazguu.kz", "STARTTLS"])).authMechanisms.isEmpty)
    }
}
