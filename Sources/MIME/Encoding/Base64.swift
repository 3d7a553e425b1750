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
        var skipped = 0
        var incomplete = false
        // Written in place, not appended byte by byte: no quantum yields more than 3 bytes per 4
        // symbols (a partial one 2 per 3 or 1 per 2), so the input's 3/4 (+3) is always room enough.
        let out = [UInt8](unsafeUninitializedCapacity: buffer.count / 4 * 3 + 3) { output, written in
            guard let target = output.baseAddress else { return }
            var count = 0
            var quantum: UInt32 = 0
            var filled = 0
            var skippedHere = 0
            var sawPadding = false
            table.withUnsafeBufferPointer { table in
                var index = 0
                let end = buffer.count
                while index < end {
                    // Whole quanta of four alphabet symbols (all of a MIME line but its break)
                    // at a time; anything else goes through the byte-by-byte rules below.
                    if filled == 0, !sawPadding, index &+ 4 <= end {
                        let a = table[Int(buffer[index])], b = table[Int(buffer[index &+ 1])]
                        let c = table[Int(buffer[index &+ 2])], d = table[Int(buffer[index &+ 3])]
                        if (a | b | c | d) < 64 {
                            let value = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                            target[count] = UInt8(truncatingIfNeeded: value >> 16)
                            target[count &+ 1] = UInt8(truncatingIfNeeded: value >> 8)
                            target[count &+ 2] = UInt8(truncatingIfNeeded: value)
                            count &+= 3
                            index &+= 4
                            continue
                        }
                    }
                    let byte = buffer[index]
                    index &+= 1
                    let v = table[Int(byte)]
                    if v == 0xFF {
                        if byte == UInt8(ascii: "=") { sawPadding = true } else if !isSpace(byte) { skippedHere += 1 }
                        continue
                    }
                    if sawPadding {
                        // Data after padding: separately encoded chunks were concatenated. Flush the first.
                        count += flush(&quantum, &filled, to: target + count)
                        sawPadding = false
                    }
                    quantum = quantum << 6 | UInt32(v)
                    filled += 1
                    if filled == 4 {
                        target[count] = UInt8(truncatingIfNeeded: quantum >> 16)
                        target[count + 1] = UInt8(truncatingIfNeeded: quantum >> 8)
                        target[count + 2] = UInt8(truncatingIfNeeded: quantum)
                        count += 3
                        quantum = 0
                        filled = 0
                    }
                }
            }
            // Missing padding is tolerated only for the quantum sizes padding could have completed (2 or 3);
            // a lone final symbol can never be valid, and no padding where it was due also means a cut.
            incomplete = filled == 1 || (filled != 0 && !sawPadding)
            count += flush(&quantum, &filled, to: target + count)
            skipped = skippedHere
            written = count
        }
        return Decoded(bytes: out, incompleteFinalQuantum: incomplete, skippedCharacters: skipped)
    }

    /// Writes what a partial quantum holds (2 symbols → 1 byte, 3 → 2; 1 symbol holds no byte);
    /// returns how many bytes.
    private static func flush(_ quantum: inout UInt32, _ filled: inout Int, to target: UnsafeMutablePointer<UInt8>) -> Int {
        defer {
            quantum = 0
            filled = 0
        }
        switch filled {
        case 2:
            target[0] = UInt8(truncatingIfNeeded: quantum >> 4)
            return 1
        case 3:
            target[0] = UInt8(truncatingIfNeeded: quantum >> 10)
            target[1] = UInt8(truncatingIfNeeded: quantum >> 2)
            return 2
        default:
            return 0
        }
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
