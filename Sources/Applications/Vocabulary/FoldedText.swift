/// Header text reduced to what its meaning depends on: lowercase words, `ё` read as `е`,
/// punctuation and line breaks dropped, Kazakh letters kept. Runs of one-letter words are
/// joined, so the abbreviations `Т.А.Ә.`, `Ф.И.О.` and `п/п` become `таә`, `фио`, `пп`.
struct FoldedText: Sendable, Equatable {
    let tokens: [String]
    /// Every token is simple (see `isSimple`): prefixes can be compared as bytes.
    private let isSimple: Bool

    init(_ raw: String) {
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
        tokens = FoldedText.joinSingleLetters(words)
        isSimple = tokens.allSatisfy(FoldedText.isSimple)
    }

    var isEmpty: Bool { tokens.isEmpty }

    func has(_ word: String) -> Bool { tokens.contains(word) }

    func hasAny(_ words: Set<String>) -> Bool { tokens.contains(where: words.contains) }

    func hasPrefix(anyOf stems: [String]) -> Bool {
        tokens.contains { token in stems.contains { Self.word(token, startsWith: $0, simple: isSimple) } }
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
        text.unicodeScalars.allSatisfy { scalar in
            scalar.value < 0x300 || (0x400..<0x483).contains(scalar.value) || (0x48A..<0x530).contains(scalar.value)
        }
    }

    /// Two words next to each other, as in `e mail` or `full name`.
    func hasPair(_ first: String, _ second: String) -> Bool {
        zip(tokens, tokens.dropFirst()).contains { $0 == first && $1 == second }
    }

    private static func joinSingleLetters(_ words: [String]) -> [String] {
        var result: [String] = []
        var run = ""
        for word in words {
            if word.count == 1, let letter = word.first, letter.isLetter {
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
