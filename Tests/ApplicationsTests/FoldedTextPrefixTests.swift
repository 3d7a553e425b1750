import Testing
@testable import Applications

/// The header search compares word prefixes as bytes where that is safe; the answer must be
/// String's `hasPrefix` (by characters) for every word, simple or not.
@Suite struct FoldedTextPrefixTests {
    static let cases: [(word: String, stem: String)] = [
        ("курстарының", "курс"), ("курс", "курстар"), ("біліктілікті", "біліктілік"), ("қазақ", "қаз"),
        ("course", "cours"), ("programme", "program"), ("телефон", "тел"), ("тел", ""), ("", "тел"),
        // Decomposed letters: `й` as `и` + U+0306 is the same character as U+0439.
        ("и\u{0306}ог", "й"), ("йог", "и\u{0306}"), ("повышени\u{0306}", "повышени"),
        // A combining mark right after the stem makes another character: no prefix.
        ("курс\u{0301}ы", "курс"), ("cafe\u{0301}", "cafe"), ("café", "cafe"),
        // Other scripts, emoji, Kelvin sign (canonically `K`).
        ("ελληνικά", "ελλ"), ("👩‍🏫teacher", "👩"), ("\u{212A}elvin", "K"), ("Kelvin", "\u{212A}"),
        // Cyrillic combining marks (U+0483…U+0489) are outside the byte path.
        ("а\u{0483}б", "а"),
    ]

    @Test(arguments: cases)
    func answersAsStringHasPrefix(_ word: String, _ stem: String) {
        #expect(FoldedText.word(word, startsWith: stem) == word.hasPrefix(stem), "\(word) / \(stem)")
        #expect(FoldedText(word).hasPrefix(anyOf: [stem]) == FoldedText(word).tokens.contains { $0.hasPrefix(stem) })
    }

    @Test func simpleTextIsLatinAndCyrillicWithoutMarks() {
        #expect(FoldedText.isSimple("Құқық жоғары мектебі, Law School 2026"))
        #expect(!FoldedText.isSimple("и\u{0306}"))
        #expect(!FoldedText.isSimple("а\u{0483}"))
        #expect(!FoldedText.isSimple("ελλ"))
    }
}
