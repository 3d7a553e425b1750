import Foundation
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

    @Test func simpleScalarsAreLatinBelowTheMarksAndCyrillicLetters() throws {
        for value in 0..<0x800 {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let expected = value < 0x300 || (0x400..<0x483).contains(value) || (0x48A..<0x530).contains(value)
            #expect(FoldedText.isSimple("a\(scalar)b") == expected, "U+\(String(value, radix: 16))")
        }
        #expect(!FoldedText.isSimple("a€"))
        #expect(!FoldedText.isSimple("a👩"))
    }

    @Test func simpleTextIsLatinAndCyrillicWithoutMarks() {
        #expect(FoldedText.isSimple("Құқық жоғары мектебі, Law School 2026"))
        #expect(!FoldedText.isSimple("и\u{0306}"))
        #expect(!FoldedText.isSimple("а\u{0483}"))
        #expect(!FoldedText.isSimple("ελλ"))
    }
}

/// Folding ASCII and Cyrillic text without property lookups must give the words folding by
/// characters gives.
@Suite struct FoldedTextWordsTests {
    @Test func everyCyrillicAndASCIIScalarFoldsAsByCharacters() throws {
        let scalars = Array(0x20..<0x80) + Array(0x400..<0x530) + [0x2116]
        for value in scalars {
            let scalar = try #require(Unicode.Scalar(UInt32(value)))
            let text = "a\(scalar)b \(scalar) \(scalar)\(scalar)"
            if let simple = FoldedText.simpleWords(text) {
                #expect(simple == FoldedText.words(text), "U+\(String(value, radix: 16))")
            } else {
                // Only the combining marks and the thousands sign of the block take the slow path.
                #expect((0x482...0x489).contains(value), "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test(arguments: ["Т.А.Ә. (Тегі, Аты, Әкесінің аты) / ФИО", "№ п/п", "E-mail\nЭл. пошта", "Ёлка ЁЖ ёж",
                      "Біліктілікті арттыру курсынан соңғы өткен күні (кк.аа.жжжж)", "ӀӏӁӂ Ѡѡ Ҋҋ", "#1 S/N"])
    func headerTextsFoldAsByCharacters(_ text: String) throws {
        #expect(try #require(FoldedText.simpleWords(text)) == FoldedText.words(text))
    }

    @Test(arguments: ["café", "Ио\u{0306}сиф", "ελλ", "👩‍🏫", "½", "Straße"])
    func otherTextTakesTheSlowPath(_ text: String) {
        #expect(FoldedText.simpleWords(text) == nil)
    }
}

/// The search for example markers in header cells gives Foundation's case-insensitive answer.
@Suite struct ExampleMarkerSearchTests {
    @Test(arguments: [
        ("user3.17@kazguu.kz", "example"), ("E-mail (EXAMPLE: a.user@kazguu.kz)", "example"),
        ("Email, e.g. a@b.kz", "e.g."), ("Email, E.G. a@b.kz", "e.g."), ("eg.user@x.kz", "e.g."),
        ("Эл. пошта (мысалы: a@b.kz)", "мысалы"), ("Эл. пошта (МЫСАЛЫ: a@b.kz)", "мысалы"),
        ("example@x.kz", "пример"), ("", "example"), ("ex", "example"), ("an example", "example"),
    ])
    func findsWhatFoundationFinds(_ text: String, _ word: String) {
        #expect(HeaderCellMeaning.firstMatch(of: word, in: text) == text.range(of: word, options: .caseInsensitive)?.lowerBound)
    }
}

/// Whether a cell looks like data is answered for ASCII and Cyrillic text without property
/// lookups; the answer must be the one reading by characters gives.
@Suite struct DataLikeTextTests {
    @Test(arguments: [
        "Иванова Ольга Петровна 17", "8 701 123 45 67", "12.03.2024", "2024", "123", "1.2", "Құқық 2026", "",
        "abc", "user3.17@kazguu.kz", "Тел. 87011234567", "١٢٣٤", "１２３４", "1\u{0483}2", "٣ 45", "Ёж 1 2 3 4",
        "Сәрсенбаева Ақмарал", "1 2 3", " . ", "café 1234",
    ])
    func answersAsReadingByCharacters(_ text: String) {
        #expect(RowContent.looksLikeData(text) == RowContent.looksLikeDataByCharacters(text), "\(text)")
    }
}
