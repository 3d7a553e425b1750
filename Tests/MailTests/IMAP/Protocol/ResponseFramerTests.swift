import Foundation
import Testing
@testable import Mail

@Suite struct ResponseFramerTests {
    static let session = Array((
        "* 1 FETCH (UID 5 BODY[] {14}\r\nSubject: x\r\n\r\n)\r\n"
        + "* 2 FETCH (UID 6 BODY[] {4}\r\n{9}\r FLAGS (\\Seen))\r\n"
        + "C4 OK Fetch completed.\r\n").utf8)

    /// However recv splits the stream, the same responses come out.
    @Test(arguments: [1, 2, 3, 7, 13, 64, 4096])
    func framesTheSameWhateverTheChunking(chunkSize: Int) throws {
        var framer = ResponseFramer()
        var responses: [RawResponse] = []
        var offset = 0
        while offset < Self.session.count {
            let chunk = Array(Self.session[offset..<min(offset + chunkSize, Self.session.count)])
            try framer.append(chunk)
            while let response = framer.next() { responses.append(response) }
            offset += chunkSize
        }
        #expect(responses.count == 3)
        guard responses.count == 3 else { return }
        #expect(responses[0].literals == [.data(Data("Subject: x\r\n\r\n".utf8))])
        // A literal may hold anything, including what looks like a literal announcement.
        #expect(responses[1].literals == [.data(Data("{9}\r".utf8))])
        #expect(responses[1].pieces.last == Array(" FLAGS (\\Seen))".utf8))
        #expect(responses[2].pieces == [Array("C4 OK Fetch completed.".utf8)])
    }

    @Test func literalOverTheLimitIsSkippedAndSized() throws {
        var framer = ResponseFramer(limits: .init(maxLineBytes: 1_000, maxLiteralBytes: 10))
        try framer.append(Array("* 1 FETCH (UID 5 BODY[] {25}\r\n0123456789012345678901234)\r\nC1 OK\r\n".utf8))
        let next = framer.next()
        let fetch = try #require(next)
        #expect(fetch.literals == [.tooLarge(size: 25)])
        guard case .untagged(.fetch(_, let attributes)) = try ResponseParser.parse(fetch) else {
            Issue.record("expected FETCH")
            return
        }
        #expect(attributes.uid == 5)
        #expect(attributes.body == .tooLarge(size: 25))
        let last = framer.next()
        #expect(last?.pieces == [Array("C1 OK".utf8)])
    }

    @Test func endlessLineIsAnErrorWithTheLimit() {
        var framer = ResponseFramer(limits: .init(maxLineBytes: 100, maxLiteralBytes: 100))
        #expect(throws: ResponseFramer.FramingError.lineTooLong(actual: 150, maximum: 100)) {
            try framer.append([UInt8](repeating: UInt8(ascii: "A"), count: 150))
        }
    }

    @Test func absurdLiteralSizeIsAnError() {
        var framer = ResponseFramer()
        #expect(throws: ResponseFramer.FramingError.self) {
            try framer.append(Array("* 1 FETCH (BODY[] {99999999999999999999999}\r\n".utf8))
        }
    }

    @Test(arguments: [
        ("* OK {12}", 12), ("* OK {12+}", 12), ("A1 APPEND x ~{3}", 3),
        ("* OK text {not a number}", nil), ("* OK {}", nil), ("* OK no brace", nil),
    ] as [(String, Int?)])
    func literalAnnouncements(line: String, size: Int?) throws {
        #expect(try ResponseFramer.announcedLiteralSize(Array(line.utf8)) == size)
    }

    @Test func bareLFLineEndsAreAccepted() throws {
        var framer = ResponseFramer()
        try framer.append(Array("* 3 EXISTS\n* 1 RECENT\n".utf8))
        let first = framer.next()
        let second = framer.next()
        #expect(try first.map(ResponseParser.parse) == .untagged(.exists(3)))
        #expect(try second.map(ResponseParser.parse) == .untagged(.recent(1)))
    }
}
