/// The only references XML in office files uses: `&lt; &gt; &amp; &quot; &apos;` and
/// `&#NNN; &#xHHHH;`. Anything else is kept literally (there is no DTD that could define it).
enum XMLEntities {
    static func decode(_ slice: ArraySlice<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(slice.count)
        var index = slice.startIndex
        while index < slice.endIndex {
            let byte = slice[index]
            guard byte == UInt8(ascii: "&"),
                  let semicolon = slice[index..<min(slice.endIndex, index + 12)].firstIndex(of: UInt8(ascii: ";"))
            else {
                output.append(byte)
                index += 1
                continue
            }
            let name = slice[(index + 1)..<semicolon]
            if let scalar = resolve(name) {
                output.append(contentsOf: Array(String(Character(scalar)).utf8))
                index = semicolon + 1
            } else {
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func resolve(_ name: ArraySlice<UInt8>) -> Unicode.Scalar? {
        switch Array(name) {
        case Array("lt".utf8): return "<"
        case Array("gt".utf8): return ">"
        case Array("amp".utf8): return "&"
        case Array("quot".utf8): return "\""
        case Array("apos".utf8): return "'"
        default: break
        }
        guard name.first == UInt8(ascii: "#") else { return nil }
        let digits = name.dropFirst()
        let isHex = digits.first == UInt8(ascii: "x") || digits.first == UInt8(ascii: "X")
        let text = String(decoding: isHex ? digits.dropFirst() : digits, as: UTF8.self)
        guard let code = UInt32(text, radix: isHex ? 16 : 10), code != 0 else { return nil }
        return Unicode.Scalar(code)
    }
}
