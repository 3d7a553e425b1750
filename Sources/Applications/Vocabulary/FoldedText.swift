/// Header text reduced to what its meaning depends on: lowercase words, `ё` read as `е`,
/// punctuation and line breaks dropped, Kazakh letters kept. Runs of one-letter words are
/// joined, so the abbreviations `Т.А.Ә.`, `Ф.И.О.` and `п/п` become `таә`, `фио`, `пп`.
struct FoldedText: Sendable, Equatable {
    let tokens: [String]
    /// Every token is simple (see `isSimple`): prefixes can be compared as bytes.
    private let isSimple: Bool

    init(_ raw: String) {
        tokens = FoldedText.joinSingleLetters(FoldedText.simpleWords(raw) ?? FoldedText.words(raw))
        isSimple = tokens.allSatisfy(FoldedText.isSimple)
    }

    /// The words of `raw` by characters: lower case, `ё` as `е`, `№` and `#` as words of their own.
    static func words(_ raw: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in raw.lowercased() {
            let folded: Character = character == "ё" ? "е" : character
            if folded == "№" || folded == "#" {
                if !current.isEmpty { words.append(current); current = "" }
                words.append("№")
            } else if folded.isLetter || folded.isNumber {
                current.append(folded)
            } else {
                if !current.isEmpty { words.append(current); current = "" }
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The same words for text of ASCII and Cyrillic letters only, without Unicode property
    /// lookups (the header search folds every cell of its rows); nil for any other text.
    static func simpleWords(_ raw: String) -> [String]? {
        var words: [String] = []
        // The word's UTF-8, reused from word to word (appending scalars to a String's view was
        // the slow part of folding).
        var current: [UInt8] = []
        current.reserveCapacity(64)
        func endWord() {
            if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        for scalar in raw.unicodeScalars {
            let value = scalar.value
            var lower: UInt32
            switch value {
            case 0x30...0x39, 0x61...0x7A, 0x430...0x45F: lower = value
            case 0x41...0x5A: lower = value + 0x20
            case 0x23, 0x2116:
                endWord()
                words.append("№")
                continue
            case 0..<0x80:
                endWord()
                continue
            case 0x400...0x40F: lower = value + 0x50
            case 0x410...0x42F: lower = value + 0x20
            // Pairs of upper (even) and lower (odd) case, Kazakh Ә Ғ Қ Ң Ө Ұ Ү Һ among them.
            case 0x460...0x481, 0x48A...0x4BF, 0x4D0...0x52F: lower = value | 1
            case 0x4C0: lower = 0x4CF
            case 0x4C1...0x4CE: lower = value % 2 == 1 ? value + 1 : value
            case 0x4CF: lower = value
            default: return nil
            }
            if lower == 0x451 { lower = 0x435 }
            guard let folded = Unicode.Scalar(lower) else { return nil }
            // Below U+0800: one or two bytes.
            if folded.value < 0x80 {
                current.append(UInt8(folded.value))
            } else {
                current.append(0xC0 | UInt8(folded.value >> 6))
                current.append(0x80 | UInt8(folded.value & 0x3F))
            }
        }
        endWord()
        return words
    }

    var isEmpty: Bool { tokens.isEmpty }

    func has(_ word: String) -> Bool {
        // Simple text on both sides: equal bytes are equal words (see `isSimple`), and Swift's
        // comparison of non-ASCII strings (normalising both) is the slow part of the search.
        guard isSimple, Self.isSimple(word) else { return tokens.contains(word) }
        return tokens.contains { UTF8Word.sameBytes($0, word) }
    }

    func hasAny(_ words: WordSet) -> Bool {
        tokens.contains { words.contains($0, simple: isSimple ? true : nil) }
    }

    func hasPrefix(anyOf stems: StemList) -> Bool {
        // Simple on both sides (known for the list beforehand): bytes, token by token.
        if isSimple && stems.allSimple { return tokens.contains(where: stems.isBytePrefix) }
        // Stem by stem, so that each stem is checked for simplicity once, not once per word.
        return stems.stems.contains { stem in
            let asBytes = isSimple && Self.isSimple(stem)
            return tokens.contains { asBytes ? $0.utf8.starts(with: stem.utf8) : $0.hasPrefix(stem) }
        }
    }

    /// `word.hasPrefix(stem)`, compared as bytes where that gives the same answer: the header
    /// search asks this for every word and stem, and String's comparison by characters was
    /// most of the search's time.
    /// `simple`: whether `word` is known to be simple (see `isSimple`), nil when not known.
    static func word(_ word: String, startsWith stem: String, simple: Bool? = nil) -> Bool {
        guard simple ?? isSimple(word), isSimple(stem) else { return word.hasPrefix(stem) }
        return word.utf8.starts(with: stem.utf8)
    }

    /// Latin (below the combining marks) and Cyrillic letters without combining marks: each
    /// scalar is a character of its own and has no canonical equivalent among such scalars,
    /// so equal characters are equal bytes. Anything else is compared as characters.
    static func isSimple(_ text: String) -> Bool {
        // On the UTF-8 bytes (this runs for every word and stem compared): ASCII, the lead
        // bytes of U+0080–U+02FF and of the Cyrillic block, and continuation bytes.
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case 0..<0x80, 0x80...0xBF, 0xC2...0xCB, 0xD0, 0xD1, 0xD3: continue
                // U+0480–U+04BF: not the combining marks U+0483–U+0489.
                case 0xD2: guard index < bytes.count, !(0x83...0x89).contains(bytes[index]) else { return false }
                // U+0500–U+052F.
                case 0xD4: guard index < bytes.count, bytes[index] < 0xB0 else { return false }
                default: return false
                }
            }
            return true
        }
    }

    /// Two words next to each other, as in `e mail` or `full name`.
    func hasPair(_ first: String, _ second: String) -> Bool {
        guard tokens.count >= 2 else { return false }
        guard isSimple, Self.isSimple(first), Self.isSimple(second) else {
            return zip(tokens, tokens.dropFirst()).contains { $0 == first && $1 == second }
        }
        return zip(tokens, tokens.dropFirst()).contains { UTF8Word.sameBytes($0, first) && UTF8Word.sameBytes($1, second) }
    }

    /// `word.count == 1` without counting the characters of a long word.
    private static func isOneCharacter(_ word: String) -> Bool {
        var characters = word.makeIterator()
        return characters.next() != nil && characters.next() == nil
    }

    private static func joinSingleLetters(_ words: [String]) -> [String] {
        var result: [String] = []
        var run = ""
        for word in words {
            if isOneCharacter(word), let letter = word.first, letter.isLetter {
                run.append(letter)
            } else {
                if !run.isEmpty { result.append(run); run = "" }
                result.append(word)
            }
        }
        if !run.isEmpty { result.append(run) }
        return result
    }
}
