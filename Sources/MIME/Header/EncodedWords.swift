/// RFC 2047 encoded words ("=?charset?B|Q?text?="), decoded the way real clients need:
/// whitespace between adjacent encoded words is dropped (§6.2); adjacent words in the same
/// charset are joined as bytes first, because Outlook and others split a multi-byte character
/// across two words; a word that is not well formed stays as written.
public enum EncodedWords {
    /// `text` with its RFC 2047 encoded words (`=?charset?B|Q?…?=`) decoded; whitespace between adjacent words dropped (RFC 2047 §6.2).
    public static func decode(_ text: String) -> String {
        guard text.contains("=?") else { return text }
        let scalars = Array(text.unicodeScalars)
        let ends = WordEnds(scalars)
        var out = String.UnicodeScalarView()
        var pending: (charset: String, bytes: [UInt8])?
        var gap = String.UnicodeScalarView()  // whitespace after an encoded word, kept only if text follows
        var i = 0

        func flushPending() {
            if let p = pending { out.append(contentsOf: Charset.decode(p.bytes, label: p.charset).unicodeScalars) }
            pending = nil
        }

        while i < scalars.count {
            if scalars[i] == "=", i + 1 < scalars.count, scalars[i + 1] == "?", let word = parseWord(scalars, at: i, ends: ends) {
                if let p = pending, p.charset == word.charset {
                    pending?.bytes.append(contentsOf: word.bytes)
                } else {
                    flushPending()
                    pending = (word.charset, word.bytes)
                }
                gap = String.UnicodeScalarView()
                i = word.end
                // Whitespace up to the next encoded word is dropped; before plain text it is kept.
                var j = i
                while j < scalars.count, scalars[j] == " " || scalars[j] == "\t" || scalars[j] == "\r" || scalars[j] == "\n" { j += 1 }
                if j < scalars.count, scalars[j] == "=", j + 1 < scalars.count, scalars[j + 1] == "?", parseWord(scalars, at: j, ends: ends) != nil {
                    i = j
                } else {
                    gap.append(contentsOf: scalars[i..<j])
                    flushPending()
                    out.append(contentsOf: gap)
                    i = j
                }
                continue
            }
            flushPending()
            out.append(scalars[i])
            i += 1
        }
        flushPending()
        return String(out)
    }

    private struct Word { var charset: String; var bytes: [UInt8]; var end: Int }

    /// For every position, where the next "?=" and the next character that cannot be inside an
    /// encoded word are. Computed once, so a header full of "=?" openings that never close costs
    /// linear time instead of rescanning the rest of the line from each opening.
    struct WordEnds {
        var nextTerminator: [Int]
        var nextInvalid: [Int]

        init(_ s: [Unicode.Scalar]) {
            nextTerminator = Array(repeating: s.count, count: s.count + 1)
            nextInvalid = Array(repeating: s.count, count: s.count + 1)
            var i = s.count - 1
            while i >= 0 {
                nextTerminator[i] = (s[i] == "?" && i + 1 < s.count && s[i + 1] == "=") ? i : nextTerminator[i + 1]
                nextInvalid[i] = (!s[i].isASCII || s[i] == " " || s[i] == "\t" || s[i] == "\r" || s[i] == "\n") ? i : nextInvalid[i + 1]
                i -= 1
            }
        }
    }

    /// Parses one encoded word starting at `start` ("=?"); nil if it is not well formed.
    private static func parseWord(_ s: [Unicode.Scalar], at start: Int, ends: WordEnds) -> Word? {
        var i = start + 2
        var charset = ""
        while i < s.count, s[i] != "?" {
            guard s[i].isASCII, s[i] != " ", charset.count < 64 else { return nil }
            charset.unicodeScalars.append(s[i]); i += 1
        }
        guard i + 2 < s.count, !charset.isEmpty, s[i + 2] == "?" else { return nil }
        let encoding = s[i + 1]
        i += 3
        let textStart = i
        i = ends.nextTerminator[textStart]
        guard i < s.count, ends.nextInvalid[textStart] >= i else { return nil }
        guard i + 1 < s.count else { return nil }
        let payload = s[textStart..<i].map { UInt8(truncatingIfNeeded: $0.value) }
        let bytes: [UInt8]
        switch encoding {
        case "B", "b":
            let d = Base64.decode(payload)
            bytes = d.bytes
        case "Q", "q":
            bytes = QuotedPrintable.decode(payload.map { $0 == UInt8(ascii: "_") ? 0x20 : $0 })
        default:
            return nil
        }
        return Word(charset: Charset.normalized(charset) ?? "us-ascii", bytes: bytes, end: i + 2)
    }
}
