/// RFC 2045 §6.8 base64, decoded tolerantly (line breaks, stray whitespace and characters outside
/// the alphabet are skipped; missing padding is accepted) and encoded with 76-character lines.
public enum Base64 {
    /// The result of decoding: the bytes, and whether the input ended in an incomplete quantum
    /// (its length, after skipping non-alphabet characters, is not a multiple of four). Such a body
    /// was cut off; the bytes it yields depend on the decoder's leniency.
    public struct Decoded: Sendable {
        /// The decoded bytes.
        public var bytes: [UInt8]
        /// True when the input stopped inside a 4-character quantum (a truncated body).
        public var incompleteFinalQuantum: Bool
        /// Characters outside the alphabet that were skipped (RFC 2045 §6.8 says to ignore them).
        public var skippedCharacters: Int
    }

    private static let table: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            t[Int(c)] = UInt8(i)
        }
        return t
    }()

    /// Decodes base64 (RFC 2045 §6.8) leniently: line breaks and stray characters skipped, a cut-off end reported.
    public static func decode<C: Collection>(_ input: C) -> Decoded where C.Element == UInt8 {
        if let result = input.withContiguousStorageIfAvailable({ decode(buffer: $0) }) { return result }
        return Array(input).withUnsafeBufferPointer { decode(buffer: $0) }
    }

    private static func decode(buffer: UnsafeBufferPointer<UInt8>) -> Decoded {
        var out = [UInt8]()
        out.reserveCapacity(buffer.count / 4 * 3 + 3)
        var quantum: UInt32 = 0
        var filled = 0
        var skipped = 0
        var sawPadding = false
        table.withUnsafeBufferPointer { table in
            for byte in buffer {
                let v = table[Int(byte)]
                if v == 0xFF {
                    if byte == UInt8(ascii: "=") { sawPadding = true } else if !isSpace(byte) { skipped += 1 }
                    continue
                }
                if sawPadding {
                    // Data after padding: separately encoded chunks were concatenated. Flush the first.
                    flush(&quantum, &filled, into: &out)
                    sawPadding = false
                }
                quantum = quantum << 6 | UInt32(v)
                filled += 1
                if filled == 4 {
                    out.append(UInt8(truncatingIfNeeded: quantum >> 16))
                    out.append(UInt8(truncatingIfNeeded: quantum >> 8))
                    out.append(UInt8(truncatingIfNeeded: quantum))
                    quantum = 0
                    filled = 0
                }
            }
        }
        // Missing padding is tolerated only for the quantum sizes padding could have completed (2 or 3);
        // a lone final symbol can never be valid, and no padding where it was due also means a cut.
        let incomplete = filled == 1 || (filled != 0 && !sawPadding)
        flush(&quantum, &filled, into: &out)
        return Decoded(bytes: out, incompleteFinalQuantum: incomplete, skippedCharacters: skipped)
    }

    /// Emits what a partial quantum holds (2 symbols → 1 byte, 3 → 2; 1 symbol holds no byte).
    private static func flush(_ quantum: inout UInt32, _ filled: inout Int, into out: inout [UInt8]) {
        switch filled {
        case 2: out.append(UInt8(truncatingIfNeeded: quantum >> 4))
        case 3:
            out.append(UInt8(truncatingIfNeeded: quantum >> 10))
            out.append(UInt8(truncatingIfNeeded: quantum >> 2))
        default: break
        }
        quantum = 0
        filled = 0
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Encodes without line breaks.
    public static func encode<C: Collection>(_ input: C) -> [UInt8] where C.Element == UInt8 {
        let bytes = Array(input)
        var out = [UInt8]()
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out.append(alphabet[Int(n >> 18 & 63)]); out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)]); out.append(alphabet[Int(n & 63)])
            i += 3
        }
        let rest = bytes.count - i
        if rest > 0 {
            var n = UInt32(bytes[i]) << 16
            if rest == 2 { n |= UInt32(bytes[i + 1]) << 8 }
            out.append(alphabet[Int(n >> 18 & 63)]); out.append(alphabet[Int(n >> 12 & 63)])
            out.append(rest == 2 ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        }
        return out
    }

    /// Encodes into CRLF-terminated lines of at most `lineLength` characters (RFC 2045: 76).
    public static func encodeLines(_ input: [UInt8], lineLength: Int = 76) -> [UInt8] {
        let flat = encode(input)
        var out = [UInt8]()
        out.reserveCapacity(flat.count + flat.count / lineLength * 2 + 2)
        var i = 0
        while i < flat.count {
            let end = min(i + lineLength, flat.count)
            out.append(contentsOf: flat[i..<end])
            out.append(0x0D); out.append(0x0A)
            i = end
        }
        return out
    }
}
