/// A minimal JSON writer with a fixed key order, so records read the same every run and match
/// expected.json line for line. Non-ASCII text is written as UTF-8, not as `\u` escapes.
enum JSONText {
    indirect enum Value {
        case null
        case bool(Bool)
        case int(Int)
        case string(String)
        case array([Value])
        case object([(String, Value)])
    }

    static func render(_ value: Value, indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent)
        let inner = String(repeating: "  ", count: indent + 1)
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .string(let text): return quote(text)
        case .array(let items):
            if items.isEmpty { return "[]" }
            let body = items.map { inner + render($0, indent: indent + 1) }.joined(separator: ",\n")
            return "[\n" + body + "\n" + pad + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            let body = members.map { inner + quote($0.0) + ": " + render($0.1, indent: indent + 1) }
                .joined(separator: ",\n")
            return "{\n" + body + "\n" + pad + "}"
        }
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
