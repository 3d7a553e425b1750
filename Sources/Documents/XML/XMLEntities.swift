/// The only references XML in office files uses: `&lt; &gt; &amp; &quot; &apos;` and
/// `&#NNN; &#xHHHH;`. Anything else is kept literally (there is no DTD that could define it).
/// Works on bytes and writes UTF-8 directly: some writers (openpyxl) encode every non-ASCII
/// letter as `&#NNNN;`, so a big sheet can hold millions of references.
enum XMLEntities {
    static func decode(_ slice: ArraySlice<UInt8>) -> String {
        guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(slice.count)
        var index = slice.startIndex
        while index < slice.endIndex {
            let byte = slice[index]
            guard byte == UInt8(ascii: "&"),
                  let semicolon = slice[index..<min(slice.endIndex, index + 12)].firstIndex(of: UInt8(ascii: ";")),
                  let scalar = resolve(slice[(index + 1)..<semicolon])
            else {
                output.append(byte)
                index += 1
                continue
            }
            appendUTF8(scalar, to: &output)
            index = semicolon + 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func resolve(_ name: ArraySlice<UInt8>) -> Unicode.Scalar? {
        guard name.first == UInt8(ascii: "#") else { return named(name) }
        var digits = name.dropFirst()
        let isHex = digits.first == UInt8(ascii: "x") || digits.first == UInt8(ascii: "X")
        if isHex { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 8 else { return nil }
        var code: UInt32 = 0
        for digit in digits {
            guard let value = digitValue(digit, hex: isHex) else { return nil }
            code = code * (isHex ? 16 : 10) + value
        }
        guard code != 0 else { return nil }
        return Unicode.Scalar(code)
    }

    /// The five named references, compared as bytes (no array or string per reference).
    private static func named(_ name: ArraySlice<UInt8>) -> Unicode.Scalar? {
        let bytes = Array(name.prefix(5))
        switch bytes {
        case [0x6C, 0x74]: return "<" // lt
        case [0x67, 0x74]: return ">" // gt
        case [0x61, 0x6D, 0x70]: return "&" // amp
        case [0x71, 0x75, 0x6F, 0x74] where name.count == 4: return "\"" // quot
        case [0x61, 0x70, 0x6F, 0x73] where name.count == 4: return "'" // apos
        default: return nil
        }
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private static func appendUTF8(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            output.append(UInt8(value))
        case 0x80..<0x800:
            output.append(0xC0 | UInt8(value >> 6))
            output.append(0x80 | UInt8(value & 0x3F))
        case 0x800..<0x10000:
            output.append(0xE0 | UInt8(value >> 12))
            output.append(0x80 | UInt8((value >> 6) & 0x3F))
            output.append(0x80 | UInt8(value & 0x3F))
        default:
            output.append(0xF0 | UInt8(value >> 18))
            output.append(0x80 | UInt8((value >> 12) & 0x3F))
            output.append(0x80 | UInt8((value >> 6) & 0x3F))
            output.append(0x80 | UInt8(value & 0x3F))
        }
    }
}
