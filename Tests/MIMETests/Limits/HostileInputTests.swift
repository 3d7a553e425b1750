import Foundation
import TestSupport
import Testing
@testable import MIME

/// Hostile inputs end in a clean error (naming the limit, the actual and the maximum) or a clean
/// parse, and fast.
@Suite struct HostileInputTests {
    /// CPU seconds of the parsing thread (not wall time: a busy machine must not fail these);
    /// generous for debug builds, release is far quicker.
    static let budget: Duration = .seconds(5)

    func expectLimit(_ name: MIMELimits.Name, _ bytes: [UInt8], limits: MIMELimits = .default) {
        let started = ThreadCPUTime.now
        let outcome: Result<ParsedMessage, MIMEError>
        do throws(MIMEError) {
            outcome = .success(try MessageParser(limits: limits).parse(bytes))
        } catch {
            outcome = .failure(error)
        }
        #expect(ThreadCPUTime.now - started < Self.budget)
        guard case let .failure(.limitExceeded(limit, actual, maximum)) = outcome else {
            Issue.record("expected the \(name.rawValue) limit, got \(outcome)")
            return
        }
        #expect(limit == name)
        #expect(actual > maximum)
    }

    @Test func endlessHeaderLine() {
        let bytes = Array("Subject: ".utf8) + [UInt8](repeating: UInt8(ascii: "A"), count: 20_000_000)
        expectLimit(.headerLineLength, bytes)
    }

    @Test func endlessFoldedHeader() {
        var bytes = Array("Subject: x".utf8)
        for _ in 0..<200_000 { bytes += Array("\r\n continued".utf8) }
        expectLimit(.headerBytes, bytes)
    }

    @Test func tenThousandNestedMultiparts() {
        var bytes = Array("From: a@x.kz\r\n".utf8)
        for i in 0..<10_000 { bytes += Array("Content-Type: multipart/mixed; boundary=\"b\(i)\"\r\n\r\n--b\(i)\r\n".utf8) }
        bytes += Array("\r\nleaf\r\n".utf8)
        expectLimit(.nestingDepth, bytes)
    }

    @Test func nestedAttachedMessages() {
        var bytes = Array("From: a@x.kz\r\n".utf8)
        for _ in 0..<5_000 { bytes += Array("Content-Type: message/rfc822\r\n\r\nFrom: b@x.kz\r\n".utf8) }
        bytes += Array("\r\nleaf\r\n".utf8)
        expectLimit(.nestingDepth, bytes)
    }

    @Test func configuredDepthCannotExceedTheCeiling() {
        var bytes = Array("From: a@x.kz\r\n".utf8)
        for i in 0..<10_000 { bytes += Array("Content-Type: multipart/mixed; boundary=\"b\(i)\"\r\n\r\n--b\(i)\r\n".utf8) }
        expectLimit(.nestingDepth, bytes, limits: MIMELimits(maxNestingDepth: 1_000_000))
    }

    @Test func hundredThousandParts() {
        var bytes = Array("From: a@x.kz\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n".utf8)
        bytes.reserveCapacity(1_000_000)
        for _ in 0..<100_000 { bytes += Array("--b\r\n\r\nx\r\n".utf8) }
        bytes += Array("--b--\r\n".utf8)
        expectLimit(.parts, bytes)
    }

    @Test func oversizedMessage() {
        let limits = MIMELimits(maxMessageBytes: 1_000)
        expectLimit(.messageBytes, Array(repeating: UInt8(ascii: "a"), count: 1_001), limits: limits)
    }

    @Test func decodedSizeLimit() throws {
        let limits = MIMELimits(maxDecodedSize: 100)
        let m = try MessageParser(limits: limits).parse(Array(("From: a@x.kz\r\nContent-Transfer-Encoding: base64\r\n\r\n" + String(repeating: "AAAA", count: 100)).utf8))
        #expect(throws: MIMEError.self) { try m.root.decodedBody(limits: limits) }
    }

    @Test(arguments: [
        "",
        "\0\0\0\0",
        "no header at all",
        ": empty name\r\n\r\nbody",
    ])
    func notAMessage(_ input: String) {
        #expect(throws: MIMEError.self) { try MessageParser().parse(Array(input.utf8)) }
    }

    @Test func nulBytesAndInvalidEncodedWordsParse() throws {
        let bytes = Array("From: =?UTF-8?B?!!!?= <a@x.kz>\r\nSubject: =?bogus?Q?=ZZ=?= \0\0 =?UTF-8?B?AAAA\r\nContent-Type: multipart/mixed; boundary=\"\0\"\r\n\r\n--\0\r\nContent-Disposition: attachment; filename=\"a\0b\"\r\n\r\n\0\0\r\n--\0--\r\n".utf8)
        let m = try MessageParser().parse(bytes)
        #expect(m.sender?.address == "a@x.kz")
        #expect(m.fileParts.first?.filename == "a\0b")
        _ = MessageSummary.summarise(m)
    }

    /// Mutated messages parse or are refused with a `MIMEError`; what parses is summarised, and
    /// parsing the same bytes twice gives the same summary (no hidden state).
    @Test func randomBytesNeverCrash() throws {
        var (generator, seed) = TestSeed.generator(for: "MIMETests.HostileInputTests.randomBytesNeverCrash")
        var parsed = 0
        let seeds: [[UInt8]] = [
            Array("From: a@x.kz\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: message/rfc822\r\n\r\nFrom: c\r\n\r\n--b--".utf8),
        ]
        for seed in seeds {
            for _ in 0..<300 {
                var bytes = seed
                for _ in 0..<8 {
                    let i = Int.random(in: 0..<bytes.count, using: &generator)
                    bytes[i] = UInt8.random(in: 0...255, using: &generator)
                }
                guard let m = try? MessageParser().parse(bytes) else { continue }
                parsed += 1
                let summary = MessageSummary.summarise(m)
                let again = MessageSummary.summarise(try MessageParser().parse(bytes))
                #expect(summary.from == again.from && summary.subject == again.subject, "seed \(seed)")
                #expect(summary.attachments.map(\.filename) == again.attachments.map(\.filename), "seed \(seed)")
            }
        }
        // Eight bytes changed in a 120-byte message: most mutations still parse.
        #expect(parsed > 0, "seed \(seed): no mutated message parsed at all")
    }

    /// Inputs that would be quadratic for a parser that rescans from every opening.
    @Test func pathologicalRepetitionsStayLinear() throws {
        let started = ThreadCPUTime.now
        let words = String(repeating: "=?a?B?", count: 10_000)
        let subject = (0..<16).map { _ in words }.joined(separator: "\r\n ")
        let m = try MessageParser().parse(Array("From: a@x.kz\r\nSubject: \(subject)\r\n\r\nbody".utf8))
        #expect(m.subject?.isEmpty == false)
        _ = HTMLText.plainText(String(repeating: "<a", count: 300_000))
        _ = HTMLText.plainText(String(repeating: "<!--", count: 100_000))
        _ = AddressParser.parseList(String(repeating: "<", count: 200_000) + String(repeating: "\"(", count: 100_000))
        _ = EmailScanner.addresses(in: String(repeating: "a@", count: 200_000))
        _ = ParameterizedValue.parse("attachment" + String(repeating: "; filename*9999999=x", count: 50_000))
        // About 1.5 s in a debug build: linear. A quadratic reader would take hours on these.
        #expect(ThreadCPUTime.now - started < Self.budget * 2)
    }

    @Test func garbageTNEFIsAnError() {
        // A valid signature over garbage: an error or no files, never a crash.
        #expect((try? TNEFReader.files(in: [0x78, 0x9F, 0x3E, 0x22, 0, 0, 1, 2, 3]))?.isEmpty ?? true)
        #expect(throws: MIMEError.self) { try TNEFReader.files(in: Array("not tnef at all".utf8)) }
    }
}
