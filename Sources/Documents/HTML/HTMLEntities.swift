/// Character references in HTML mail bodies: numeric ones and the named ones mail clients
/// actually write (Outlook and Word are fond of typographic quotes and dashes).
enum HTMLEntities {
    static let named: [String: String] = [
        "nbsp": "\u{00A0}", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
        "laquo": "«", "raquo": "»", "ndash": "–", "mdash": "—", "hellip": "…", "shy": "",
        "copy": "©", "reg": "®", "bull": "•", "middot": "·", "lsquo": "‘", "rsquo": "’",
        "ldquo": "“", "rdquo": "”", "sbquo": "‚", "bdquo": "„", "times": "×", "deg": "°",
        "numero": "№", "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}",
        "zwnj": "", "zwj": "", "euro": "€", "minus": "−", "plusmn": "±", "sect": "§",
    ]

    /// Decodes the reference that starts at `bytes[start]` (`&`), returning its UTF-8 bytes and
    /// the index just past it, or nil when it is not a reference (then `&` is literal text).
    static func decode(_ bytes: [UInt8], at start: Int) -> (replacement: [UInt8], next: Int)? {
        var end = start + 1
        while end < bytes.count, end - start <= 32, isReferenceByte(bytes[end]) { end += 1 }
        let name = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
        let hasSemicolon = end < bytes.count && bytes[end] == UInt8(ascii: ";")
        let next = hasSemicolon ? end + 1 : end
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let isHex = digits.first == "x" || digits.first == "X"
            guard let code = UInt32(isHex ? String(digits.dropFirst()) : String(digits), radix: isHex ? 16 : 10),
                  code != 0, let scalar = Unicode.Scalar(code) else { return nil }
            return (Array(String(Character(scalar)).utf8), next)
        }
        // Named references need their semicolon, except the few old clients leave bare.
        guard let value = named[name] ?? named[name.lowercased()],
              hasSemicolon || ["nbsp", "amp", "lt", "gt", "quot"].contains(name) else { return nil }
        return (Array(value.utf8), next)
    }

    private static func isReferenceByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "#")
    }
}
