/// Decoding bytes whose charset is declared, wrong, or not declared at all.
///
/// Heads' files and mail come in UTF-8, UTF-16, windows-1251, KZ-1048, PT154, koi8-r, cp866 and
/// iso-8859-5, and labels are often wrong (a KZ-1048 CSV labelled windows-1251). When the bytes
/// are not valid UTF-8, every single-byte Cyrillic candidate is decoded and scored: Kazakh and
/// Cyrillic letters in plausible case patterns score, mojibake characters cost.
public enum TextDecoding {
    /// Decodes with a declared label; nil when the label is unknown or the bytes are invalid for it.
    public static func decode(_ bytes: [UInt8], label: String) -> String? {
        let name = CharsetLabel.iconvName(for: label)
        if name == "UTF-8" { return String(validating: bytes, as: UTF8.self) }
        return try? Iconv.toUTF8(bytes, from: name, lenient: false)
    }

    /// The best reading of the bytes: a BOM, then valid UTF-8, then UTF-16 by its zero bytes,
    /// then the best-scoring single-byte Cyrillic charset (the declared one wins ties).
    public static func guess(_ bytes: [UInt8], declared: String? = nil) -> DecodedText {
        if let bom = decodeByteOrderMark(bytes) { return bom }
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: text, charset: "utf-8", wasGuessed: false)
        }
        if let utf16 = decodeUnmarkedUTF16(bytes) { return utf16 }

        var candidates = singleByteCandidates
        if let declared {
            let name = CharsetLabel.iconvName(for: declared)
            if name != "UTF-8" {
                candidates.removeAll { $0 == name }
                candidates.insert(name, at: 0)
            }
        }
        var best: (text: String, name: String, score: Int)?
        for name in candidates {
            guard let text = try? Iconv.toUTF8(bytes, from: name, lenient: false) else { continue }
            let score = CyrillicScore.score(text)
            if best == nil || score > best!.score { best = (text, name, score) }
        }
        if let best {
            let declaredName = declared.map(CharsetLabel.iconvName(for:))
            return DecodedText(text: best.text, charset: CharsetLabel.displayName(forIconvName: best.name),
                               wasGuessed: best.name != declaredName)
        }
        // Nothing decodes strictly: keep what UTF-8 gives, with replacement characters.
        return DecodedText(text: String(decoding: bytes, as: UTF8.self), charset: "utf-8", wasGuessed: true)
    }

    /// windows-1251 first: with no Kazakh letters in play it is by far the most common.
    static let singleByteCandidates = ["WINDOWS-1251", "RK1048", "PT154", "KOI8-R", "CP866", "ISO-8859-5"]

    static func decodeByteOrderMark(_ bytes: [UInt8]) -> DecodedText? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            return DecodedText(text: text, charset: "utf-8", wasGuessed: false)
        }
        for (bom, name) in [([UInt8(0xFF), 0xFE], "UTF-16LE"), ([UInt8(0xFE), 0xFF], "UTF-16BE")]
        where bytes.starts(with: bom) {
            let body = Array(bytes.dropFirst(2))
            if let text = try? Iconv.toUTF8(body, from: name, lenient: true) {
                return DecodedText(text: text, charset: CharsetLabel.displayName(forIconvName: name), wasGuessed: false)
            }
        }
        return nil
    }

    /// UTF-16 without a BOM: in Latin and Cyrillic text the high byte of most code units is
    /// 0x00 or 0x04, at odd positions (LE) or even ones (BE).
    static func decodeUnmarkedUTF16(_ bytes: [UInt8]) -> DecodedText? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        let sample = bytes.prefix(4096)
        var highEven = 0, highOdd = 0
        for (index, byte) in sample.enumerated() where byte == 0x00 || byte == 0x04 {
            if index % 2 == 0 { highEven += 1 } else { highOdd += 1 }
        }
        let pairs = sample.count / 2
        let name: String
        if highOdd * 10 >= pairs * 7, highEven * 10 < pairs * 3 { name = "UTF-16LE" }
        else if highEven * 10 >= pairs * 7, highOdd * 10 < pairs * 3 { name = "UTF-16BE" }
        else { return nil }
        guard let text = try? Iconv.toUTF8(bytes, from: name, lenient: false) else { return nil }
        return DecodedText(text: text, charset: CharsetLabel.displayName(forIconvName: name), wasGuessed: true)
    }
}
