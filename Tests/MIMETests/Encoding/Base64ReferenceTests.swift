import Testing
import TestSupport
@testable import MIME

/// The base64 decoder writes whole quanta in place; its bytes, cut-off flag and skipped count
/// must be those of the plain symbol-by-symbol rules, for any mix of symbols, breaks, padding
/// and junk.
@Suite struct Base64ReferenceTests {
    /// RFC 2045 §6.8 decoding one symbol at a time, as the decoder did before its fast path.
    static func reference(_ input: [UInt8]) -> Base64.Decoded {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var quantum: UInt32 = 0, filled = 0, skipped = 0, sawPadding = false
        func flush() {
            if filled == 2 { out.append(UInt8(truncatingIfNeeded: quantum >> 4)) }
            if filled == 3 {
                out.append(UInt8(truncatingIfNeeded: quantum >> 10))
                out.append(UInt8(truncatingIfNeeded: quantum >> 2))
            }
            quantum = 0
            filled = 0
        }
        for byte in input {
            guard let value = alphabet.firstIndex(of: byte) else {
                if byte == UInt8(ascii: "=") { sawPadding = true } else if !Base64.isSpace(byte) { skipped += 1 }
                continue
            }
            if sawPadding { flush(); sawPadding = false }
            quantum = quantum << 6 | UInt32(value)
            filled += 1
            if filled == 4 {
                out += [UInt8(truncatingIfNeeded: quantum >> 16), UInt8(truncatingIfNeeded: quantum >> 8), UInt8(truncatingIfNeeded: quantum)]
                quantum = 0
                filled = 0
            }
        }
        let incomplete = filled == 1 || (filled != 0 && !sawPadding)
        flush()
        return Base64.Decoded(bytes: out, incompleteFinalQuantum: incomplete, skippedCharacters: skipped)
    }

    @Test func decodesAsSymbolBySymbol() {
        var (generator, seed) = TestSeed.generator(for: "MIMETests.Base64ReferenceTests.decodesAsSymbolBySymbol")
        let symbols = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        let others = Array("=\r\n \t*-.".utf8) + [0x00, 0xD0, 0xFF]
        for _ in 0..<2_000 {
            let length = Int(generator.next() % 200)
            let junk = generator.next() % 4  // how often a byte is not a symbol: never … often
            let input = (0..<length).map { _ in
                junk > 0 && generator.next() % (40 / junk) == 0 ? generator.pick(others) : generator.pick(symbols)
            }
            let decoded = Base64.decode(input), expected = Self.reference(input)
            #expect(decoded.bytes == expected.bytes, "seed \(seed): \(String(decoding: input, as: UTF8.self))")
            #expect(decoded.incompleteFinalQuantum == expected.incompleteFinalQuantum, "seed \(seed)")
            #expect(decoded.skippedCharacters == expected.skippedCharacters, "seed \(seed)")
        }
        let line = Base64.encodeLines(Array(0...255) + Array(0...100))
        #expect(Base64.decode(line).bytes == Array(0...255) + Array(0...100))
    }
}
