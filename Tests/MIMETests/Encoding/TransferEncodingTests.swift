import Foundation
import Testing
@testable import MIME

@Suite struct TransferEncodingTests {
    @Test(arguments: [
        ("SGVsbG8=", "Hello", false),
        ("SGVs\r\nbG8=\r\n", "Hello", false),
        ("  SG Vs bG8 = ", "Hello", false),
        ("SGVsbG8", "Hello", true),        // missing padding: bytes kept, but the body counts as cut
        ("SGVsbG8gd29ybGQ", "Hello world", true),
        ("SGVsbG8gd", "Hello ", true),     // a lone final symbol: certainly truncated
        ("SGk=SGk=", "HiHi", false),       // concatenated chunks
        ("SG!Vs*bG8=", "Hello", false),    // stray characters skipped
    ])
    func base64(_ input: String, _ text: String, _ incomplete: Bool) {
        let d = Base64.decode(Array(input.utf8))
        #expect(String(decoding: d.bytes, as: UTF8.self) == text)
        #expect(d.incompleteFinalQuantum == incomplete)
    }

    @Test func base64RoundTrip() {
        for n in 0..<70 {
            let bytes = (0..<n).map { UInt8(truncatingIfNeeded: $0 * 37 + 11) }
            let encoded = Base64.encodeLines(bytes)
            #expect(Base64.decode(encoded).bytes == bytes)
            #expect(encoded.split(separator: 0x0A).allSatisfy { $0.count <= 77 })
        }
    }

    @Test(arguments: [
        ("caf=C3=A9", "café"),
        ("caf=c3=a9", "café"),                 // lowercase hex
        ("soft=\r\nbreak", "softbreak"),
        ("soft=  \r\nbreak", "softbreak"),     // whitespace after the soft-break "="
        ("soft=\nbreak", "softbreak"),
        ("1+1=2 =ZZ", "1+1=2 =ZZ"),           // stray "=" kept
        ("end=", "end"),
        ("padded   \r\nline=20\r\n", "padded\r\nline \r\n"),  // transport padding dropped, =20 kept
    ])
    func quotedPrintable(_ input: String, _ text: String) {
        #expect(String(decoding: QuotedPrintable.decode(Array(input.utf8)), as: UTF8.self) == text)
    }

    @Test func quotedPrintableRoundTrip() {
        let text = "Құрметті әріптестер! = 100%   \nLine two with trailing space \n" + String(repeating: "Ұзын жол ", count: 40) + "\n.dot\nFrom here"
        let encoded = QuotedPrintable.encode(Array(text.utf8))
        let lines = encoded.split(separator: 0x0A, omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 77 })
        let decoded = String(decoding: QuotedPrintable.decode(encoded), as: UTF8.self)
        #expect(decoded == text.replacingOccurrences(of: "\n", with: "\r\n"))
    }
}
