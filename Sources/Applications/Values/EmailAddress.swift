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
        guard address.utf8.count <= 254, address.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        let parts = address.utf8.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        return isLocalPart(parts[0]) && isDomain(parts[1])
    }

    /// Whether the text holds something shaped like an address (`x@y`), as data does and a
    /// header such as `E-mail (…@kazguu.kz)` does not.
    static func containsAddress(_ text: String) -> Bool {
        // Checked on bytes first: most cells hold no `@` and some are long.
        var bytes = text
        guard bytes.withUTF8({ $0.contains(UInt8(ascii: "@")) }) else { return false }
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

    /// ASCII bytes only (checked by `isValid`).
    private static func isLocalPart(_ local: Substring.UTF8View.SubSequence) -> Bool {
        guard !local.isEmpty, local.count <= 64 else { return false }
        let atoms = local.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return atoms.allSatisfy { atom in
            !atom.isEmpty && atom.allSatisfy { isAlphanumeric($0) || localSymbols.contains($0) }
        }
    }

    private static func isDomain(_ domain: Substring.UTF8View.SubSequence) -> Bool {
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, let tld = labels.last, tld.count >= 2,
              tld.allSatisfy({ isAlphanumeric($0) && !(0x30...0x39).contains($0) }) else { return false }
        return labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
                && label.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        }
    }
}
