import Documents

/// E-mail addresses: trimmed, lowercased, and checked for the shape of an ordinary address
/// (one `@`, a dot-atom local part, a domain of letter-digit-hyphen labels with a letter TLD).
/// Personal mailboxes (gmail.com, mail.ru, …) are valid; non-ASCII addresses are not accepted
/// because a mixed Cyrillic letter in `kazguu.kz` is a typo far more often than an IDN.
enum EmailAddress {
    enum Outcome: Equatable {
        case missing
        case valid(String)
        case invalid(String)
    }

    static func check(_ value: CellValue) -> Outcome {
        guard var text = CellText.of(value) else { return .missing }
        text = text.lowercased()
        if text.hasPrefix("mailto:") { text.removeFirst("mailto:".count) }
        return isValid(text) ? .valid(text) : .invalid(text)
    }

    static func isValid(_ address: String) -> Bool {
        // Any non-ASCII byte fails the character checks below wherever it stands; checking the
        // bytes first spares the character-by-character walk for every valid address.
        guard address.utf8.count <= 254 else { return false }
        var address = address
        return address.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }),
                  let at = bytes.firstIndex(of: UInt8(ascii: "@")),
                  !bytes[(at + 1)...].contains(UInt8(ascii: "@")) else { return false }
            return isLocalPart(UnsafeBufferPointer(rebasing: bytes[..<at]))
                && isDomain(UnsafeBufferPointer(rebasing: bytes[(at + 1)...]))
        }
    }

    /// Whether the text holds something shaped like an address (`x@y`), as data does and a
    /// header such as `E-mail (…@kazguu.kz)` does not.
    static func containsAddress(_ text: String) -> Bool {
        // Checked on bytes first: most cells hold no `@` and some are long.
        var bytes = text
        guard bytes.withUTF8({ $0.contains(UInt8(ascii: "@")) }) else { return false }
        let isASCII = bytes.withUTF8 { $0.allSatisfy { $0 < 0x80 } }
        // In ASCII text a byte is a character (but CR LF, neither a letter nor a digit), and the
        // letters and digits are A–Z, a–z and 0–9.
        if isASCII {
            return bytes.withUTF8 { utf8 in
                utf8.indices.contains { index in
                    utf8[index] == UInt8(ascii: "@") && index > 0 && index + 1 < utf8.count
                        && isAlphanumeric(utf8[index - 1]) && isAlphanumeric(utf8[index + 1])
                }
            }
        }
        let characters = Array(text)
        return characters.indices.contains { index in
            characters[index] == "@" && index > 0 && index + 1 < characters.count
                && (characters[index - 1].isLetter || characters[index - 1].isNumber)
                && (characters[index + 1].isLetter || characters[index + 1].isNumber)
        }
    }

    private static let localSymbols = Set("!#$%&'*+/=?^_`{|}~-".utf8)

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// ASCII bytes only (checked by `isValid`): dot-separated atoms, none empty.
    private static func isLocalPart(_ local: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !local.isEmpty, local.count <= 64 else { return false }
        var atomLength = 0
        for byte in local {
            if byte == UInt8(ascii: ".") {
                guard atomLength > 0 else { return false }
                atomLength = 0
            } else {
                guard isAlphanumeric(byte) || localSymbols.contains(byte) else { return false }
                atomLength += 1
            }
        }
        return atomLength > 0
    }

    /// Dot-separated labels of letters, digits and inner hyphens (1–63 each), at least two,
    /// the last one letters only and at least two long.
    private static func isDomain(_ domain: UnsafeBufferPointer<UInt8>) -> Bool {
        var labels = 0
        var start = 0
        for end in 0...domain.count where end == domain.count || domain[end] == UInt8(ascii: ".") {
            let label = UnsafeBufferPointer(rebasing: domain[start..<end])
            guard (1...63).contains(label.count), label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-"),
                  label.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "-") }) else { return false }
            labels += 1
            if end == domain.count {
                guard labels >= 2, label.count >= 2,
                      label.allSatisfy({ isAlphanumeric($0) && !(0x30...0x39).contains($0) }) else { return false }
            }
            start = end + 1
        }
        return true
    }
}
