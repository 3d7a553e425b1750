/// Header text reduced to what its meaning depends on: lowercase words, `ё` read as `е`,
/// punctuation and line breaks dropped, Kazakh letters kept. Runs of one-letter words are
/// joined, so the abbreviations `Т.А.Ә.`, `Ф.И.О.` and `п/п` become `таә`, `фио`, `пп`.
struct FoldedText: Sendable, Equatable {
    let tokens: [String]

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
    }

    var isEmpty: Bool { tokens.isEmpty }

    func has(_ word: String) -> Bool { tokens.contains(word) }

    func hasAny(_ words: Set<String>) -> Bool { tokens.contains(where: words.contains) }

    func hasPrefix(anyOf stems: [String]) -> Bool {
        tokens.contains { token in stems.contains { token.hasPrefix($0) } }
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
