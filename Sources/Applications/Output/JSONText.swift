/// A minimal JSON writer with a fixed key order, so records read the same every run and match
/// expected.json line for line. Non-ASCII text is written as UTF-8, not as `\u` escapes.
enum JSONText {
    // Not `indirect`: arrays already hold their elements out of line, and boxing every string
    // and number cost an allocation per value on a 5,000-row record.
    enum Value {
        case null
        case bool(Bool)
        case int(Int)
        case string(String)
        case array([Value])
        case object([(String, Value)])
    }

    static func render(_ value: Value, indent: Int = 0) -> String {
        var out = ""
        write(value, indent: indent, into: &out)
        return out
    }

    /// Writes piece by piece to `out` – a String, or standard output, so a 10 MB sheet's record
    /// is neither copied once per nesting level nor held whole before it is printed.
    static func write(_ value: Value, indent: Int, into out: inout some TextOutputStream) {
        switch value {
        case .null: out.write("null")
        case .bool(let flag): out.write(flag ? "true" : "false")
        case .int(let number): out.write(String(number))
        case .string(let text): writeQuoted(text, into: &out)
        case .array(let items):
            if items.isEmpty { out.write("[]"); return }
            out.write("[")
            for (index, item) in items.enumerated() {
                out.write(lineBreak(indent + 1, afterComma: index > 0))
                write(item, indent: indent + 1, into: &out)
            }
            out.write(lineBreak(indent))
            out.write("]")
        case .object(let members):
            if members.isEmpty { out.write("{}"); return }
            out.write("{")
            for (index, member) in members.enumerated() {
                // One write for the separator and the indentation: a big record has ~100,000 keys.
                out.write(lineBreak(indent + 1, afterComma: index > 0))
                writeQuoted(member.0, into: &out)
                out.write(": ")
                write(member.1, indent: indent + 1, into: &out)
            }
            out.write(lineBreak(indent))
            out.write("}")
        }
    }

    /// A line break (after a comma, between items) and `indent` levels of two spaces, made once
    /// per depth: written before every key of a big record.
    private static let lineBreaks = (0..<8).map { "\n" + String(repeating: "  ", count: $0) }
    private static let commaLineBreaks = lineBreaks.map { "," + $0 }

    private static func lineBreak(_ indent: Int, afterComma: Bool = false) -> String {
        guard indent < lineBreaks.count else {
            return (afterComma ? ",\n" : "\n") + String(repeating: "  ", count: indent)
        }
        return afterComma ? commaLineBreaks[indent] : lineBreaks[indent]
    }

    private static func writeQuoted(_ text: String, into out: inout some TextOutputStream) {
        var text = text
        if text.withUTF8(needsEscaping) {
            out.write(quote(text))
        } else {
            out.write("\"")
            out.write(text)
            out.write("\"")
        }
    }

    /// Works on UTF-8 bytes: only ASCII needs escaping, and most text needs none at all.
    static func quote(_ text: String) -> String {
        var text = text
        guard text.withUTF8(needsEscaping) else { return "\"" + text + "\"" }
        var out: [UInt8] = [0x22]
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x00..<0x20:
                let hex = String(byte, radix: 16)
                out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: out.append(byte)
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether any byte is a control character, `"` or `\\`. Long course titles make this the
    /// hot loop of a big record, so eight bytes are tested at a time (the classic "has a zero
    /// byte" and "has a byte below n" tricks on a 64-bit word).
    static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // Bytes below 0x20: (w - 0x20…) & ~w & 0x80… is non-zero exactly when one is.
            if (word &- ones &* 0x20) & ~word & highs != 0
                || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C)) {
                return true
            }
            index += 8
        }
        while index < bytes.count {
            if needsEscape(bytes[index]) { return true }
            index += 1
        }
        return false
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C
    }
}
