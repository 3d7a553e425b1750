/// Attachment file names in the forms clients understand: RFC 2231 `filename*` (with
/// continuations for long names, split between characters) for current clients, and an RFC 2047
/// `name=` on Content-Type for old Outlook versions that ignore RFC 2231.
enum FilenameParameter {
    /// RFC 2231 attribute-char: anything else is percent-encoded.
    private static let attributeChars = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&+-.^_`|~".utf8)
    private static let hex = Array("0123456789ABCDEF".utf8)

    /// `; filename*=UTF-8''…` or `;\r\n filename*0*=UTF-8''…;\r\n filename*1*=…` (leading "; " included).
    static func disposition(_ name: String) -> String {
        var segments: [String] = []
        var current = ""
        for character in name {
            let encoded = percentEncode(Array(String(character).utf8))
            if current.count + encoded.count > 54, !current.isEmpty {
                segments.append(current)
                current = ""
            }
            current += encoded
        }
        segments.append(current)
        if segments.count == 1 { return ";\r\n filename*=UTF-8''" + segments[0] }
        return segments.enumerated().map { index, segment in
            ";\r\n filename*\(index)*=" + (index == 0 ? "UTF-8''" : "") + segment
        }.joined()
    }

    /// `; name="…"`: quoted ASCII, or encoded words inside quotes as Outlook and Gmail write them.
    static func contentTypeName(_ name: String) -> String {
        let clean = name.replacingLineBreaks()
        if clean.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F && $0 != "\"" && $0 != "\\" }), clean.count <= 60 {
            return ";\r\n name=\"" + clean + "\""
        }
        return ";\r\n name=\"" + HeaderEncoder.encodedWords(clean).joined(separator: "\r\n ") + "\""
    }

    private static func percentEncode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        for b in bytes {
            if attributeChars.contains(b) { out.append(b) } else {
                out.append(UInt8(ascii: "%")); out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 15)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
