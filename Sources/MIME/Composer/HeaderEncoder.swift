import Foundation

/// Writes header values that every client displays: RFC 2047 encoded words for non-ASCII text
/// (B encoding, UTF-8, each word ≤ 75 characters, split only between characters), quoted
/// display names, and folding so that no line approaches the 998-octet limit.
public enum HeaderEncoder {
    /// The longest encoded word RFC 2047 §2 allows.
    static let maxWordLength = 75
    /// "=?UTF-8?B?" + "?=" leave 63 characters, i.e. 15 base64 quanta = 45 bytes.
    static let maxBytesPerWord = (maxWordLength - 12) / 4 * 3

    /// An unstructured value (Subject): as is when plain ASCII, else encoded words.
    /// The result may hold "\r\n " folds; `nameLength` is the length of "Subject: ".
    public static func unstructured(_ text: String, nameLength: Int) -> String {
        let clean = text.replacingLineBreaks()
        // A plain ASCII word longer than a line cannot be folded: such text is encoded too.
        if clean.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }), !clean.contains("=?"),
           !clean.split(separator: " ").contains(where: { $0.utf8.count > 900 }) {
            return fold(words: clean.split(separator: " ", omittingEmptySubsequences: false).map(String.init), separator: " ", firstLineUsed: nameLength)
        }
        return encodedWords(clean).joined(separator: "\r\n ")
    }

    /// A display name in a phrase: atoms as is, specials quoted, non-ASCII encoded.
    public static func phrase(_ name: String) -> String {
        let clean = name.replacingLineBreaks()
        guard clean.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }), !clean.contains("=?") else {
            return encodedWords(clean).joined(separator: " ")
        }
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~ ".unicodeScalars)
        if clean.unicodeScalars.allSatisfy({ atext.contains($0) }) { return clean }
        return "\"" + clean.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `Name <addr>` or `addr`. The address loses any whitespace or control character: addresses
    /// come from received mail, and a CR or LF in one would let a sender inject header lines.
    public static func mailbox(_ m: Mailbox) -> String {
        let address = String(m.address.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })
        guard let name = m.displayName, !name.isEmpty else { return address }
        return phrase(name) + " <" + address + ">"
    }

    /// A value written as is (ids, media types, language tags): control characters removed.
    public static func raw(_ value: String) -> String {
        String(value.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F })
    }

    /// An address list folded after commas.
    public static func addressList(_ list: [Mailbox], nameLength: Int) -> String {
        fold(words: list.map(mailbox), separator: ", ", firstLineUsed: nameLength)
    }

    /// Splits text into encoded words of at most 45 UTF-8 bytes each, on character boundaries
    /// (grapheme clusters; a cluster too long for one word is split between its scalars).
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        func flush() {
            if !chunk.isEmpty { words.append("=?UTF-8?B?" + String(decoding: Base64.encode(chunk), as: UTF8.self) + "?=") }
            chunk = []
        }
        for character in text {
            let bytes = Array(String(character).utf8)
            if bytes.count <= maxBytesPerWord {
                if chunk.count + bytes.count > maxBytesPerWord { flush() }
                chunk.append(contentsOf: bytes)
                continue
            }
            for scalar in character.unicodeScalars {
                let b = Array(String(scalar).utf8)
                if chunk.count + b.count > maxBytesPerWord { flush() }
                chunk.append(contentsOf: b)
            }
        }
        flush()
        return words.isEmpty ? ["=?UTF-8?B??="] : words
    }

    /// Joins pieces, breaking the line (CRLF + space) before a piece that would pass 76 characters.
    static func fold(words: [String], separator: String, firstLineUsed: Int) -> String {
        var out = ""
        var lineLength = firstLineUsed
        for (index, word) in words.enumerated() {
            let sep = index == 0 ? "" : separator
            if index > 0, lineLength + sep.count + word.count > 76 {
                let trimmedSep = sep.trimmingCharacters(in: .whitespaces)
                out += trimmedSep + "\r\n " + word
                lineLength = 1 + word.count
            } else {
                out += sep + word
                lineLength += sep.count + word.count
            }
        }
        return out
    }
}

extension String {
    /// Header values must not contain line breaks or other control characters: CR, LF, tab and
    /// the other C0 controls become a space; C1 controls, bidirectional overrides and other
    /// hidden characters are made visible (`⟨U+202E⟩`), even inside encoded words.
    func replacingLineBreaks() -> String {
        let spaced = String(String.UnicodeScalarView(unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
        return VisibleText.visible(spaced)
    }
}
