/// RFC 2045 §6.7 quoted-printable. Decoding is tolerant as real mailers require: lowercase hex,
/// a stray "=" not followed by two hex digits is kept literally, soft breaks may be "=\n" or
/// "=\r\n" or carry trailing whitespace after the "=".
public enum QuotedPrintable {
    /// Decodes quoted-printable (RFC 2045 §6.7); a malformed `=` sequence stays as written.
    public static func decode<C: Collection>(_ input: C) -> [UInt8] where C.Element == UInt8 {
        if let r = input.withContiguousStorageIfAvailable({ decode(buffer: $0) }) { return r }
        return Array(input).withUnsafeBufferPointer { decode(buffer: $0) }
    }

    private static func decode(buffer b: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(b.count)
        var i = 0
        let n = b.count
        var trailingLiteralSpace = 0  // literal blanks just written; dropped before a line break (§6.7 rule 3)
        while i < n {
            let c = b[i]
            if c != UInt8(ascii: "=") {
                if c == 0x0D || c == 0x0A {
                    out.removeLast(trailingLiteralSpace)
                    trailingLiteralSpace = 0
                } else if c == 0x20 || c == 0x09 {
                    trailingLiteralSpace += 1
                } else {
                    trailingLiteralSpace = 0
                }
                out.append(c)
                i += 1
                continue
            }
            trailingLiteralSpace = 0
            // "=" followed by optional whitespace and a line break: soft line break.
            var j = i + 1
            while j < n, b[j] == 0x20 || b[j] == 0x09 { j += 1 }
            if j < n, b[j] == 0x0A { i = j + 1; continue }
            if j + 1 < n, b[j] == 0x0D, b[j + 1] == 0x0A { i = j + 2; continue }
            if j == n { i = n; continue }
            if i + 2 < n, let h = hexValue(b[i + 1]), let l = hexValue(b[i + 2]) {
                out.append(h << 4 | l)
                i += 3
                continue
            }
            out.append(c)  // a stray "=": keep it as written
            i += 1
        }
        return out
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    private static let hex = Array("0123456789ABCDEF".utf8)

    /// Encodes text bytes with CRLF line breaks: lines at most 76 characters, soft breaks never
    /// inside an "=XX" escape, whitespace before a line break escaped, "=" always escaped.
    public static func encode(_ input: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(input.count * 2)
        var lineLength = 0
        var i = 0
        func emit(_ piece: [UInt8]) {
            if lineLength + piece.count > 75 {
                out.append(contentsOf: [UInt8(ascii: "="), 0x0D, 0x0A])
                lineLength = 0
            }
            out.append(contentsOf: piece)
            lineLength += piece.count
        }
        while i < input.count {
            let c = input[i]
            if c == 0x0A || (c == 0x0D && i + 1 < input.count && input[i + 1] == 0x0A) {
                out.append(0x0D); out.append(0x0A)
                lineLength = 0
                i += c == 0x0D ? 2 : 1
                continue
            }
            let nextIsBreak = i + 1 == input.count || input[i + 1] == 0x0A || input[i + 1] == 0x0D
            let literal = (c >= 33 && c <= 126 && c != UInt8(ascii: "=")) || ((c == 0x20 || c == 0x09) && !nextIsBreak)
            // A leading "." or "From " is escaped too: some transports mangle them.
            let atLineStart = lineLength == 0 && (c == UInt8(ascii: ".") || c == UInt8(ascii: "F"))
            if literal && !atLineStart {
                emit([c])
            } else {
                emit([UInt8(ascii: "="), hex[Int(c >> 4)], hex[Int(c & 15)]])
            }
            i += 1
        }
        return out
    }
}
