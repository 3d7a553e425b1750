import Foundation
import Testing
@testable import Certificates

@Suite struct VerificationCodeTests {
    let codes = VerificationCode(secret: Array("a test key of at least sixteen bytes".utf8))

    @Test func theCodeIsShortStableAndReadable() {
        let code = codes.code(for: "CPD-2026-00001")
        #expect(code.count == 9 && code.dropFirst(4).first == "-")
        #expect(code == codes.code(for: "CPD-2026-00001"))
        #expect(code.allSatisfy { $0 == "-" || VerificationCode.alphabet.contains($0) })
        #expect(!code.contains(where: { "ILOU".contains($0) }))
    }

    @Test func acceptsItsOwnNumberOnly() {
        let code = codes.code(for: "CPD-2026-00001")
        #expect(codes.accepts(code, for: "CPD-2026-00001"))
        #expect(codes.accepts(code.lowercased().replacingOccurrences(of: "-", with: " "), for: "CPD-2026-00001"))
        #expect(!codes.accepts(code, for: "CPD-2026-00002"))
        #expect(!codes.accepts(code, for: "CPD-2026-000010"))
        #expect(!codes.accepts("", for: "CPD-2026-00001"))
        #expect(!codes.accepts(code + "0", for: "CPD-2026-00001"))
    }

    @Test func anotherKeyGivesAnotherCode() {
        let other = VerificationCode(secret: Array("another key of at least sixteen bytes".utf8))
        #expect(other.code(for: "CPD-2026-00001") != codes.code(for: "CPD-2026-00001"))
    }

    /// The code is HMAC-SHA256: checked against the RFC 4231 test case 2 value's first 40 bits.
    @Test func theCodeIsTheHMACsFirstFortyBits() {
        // HMAC-SHA256("Jefe", "what do ya want for nothing?") = 5bdcc146bf60754e…
        let rfc = VerificationCode(secret: Array("Jefe".utf8))
        // 0x5bdcc146bf = 01011 01111 01110 01100 00010 10001 10101 11111
        #expect(rfc.code(for: "what do ya want for nothing?") == "BFEC-2HNZ")
    }
}
