import CivilCalendar
import Documents
import Testing
@testable import Applications

/// The reading's byte paths (vocabulary, memo keys, addresses, serial numbers, ISO dates) must
/// answer exactly as the character-by-character code they stand in for.
@Suite struct ByteFastPathTests {
    /// Words simple and not: decomposed letters, a combining mark after a word, the Kelvin sign,
    /// other scripts, `№`.
    static let words = [
        "таә", "фио", "тегі", "аты", "имя", "email", "e", "е", "эл", "сағат", "час", "күні", "күнi", "date",
        "и\u{0306}мя", "имя\u{0301}", "\u{212A}", "k", "ελλ", "№", "nº", "taá", "ta\u{0301}a", "ta\u{0301}", "",
        "fio", "fío", "surname", "hours", "kúni", "ku\u{0301}ni", "оп", "op", "field",
    ]

    @Test func wordSetsAnswerAsSetsOfStrings() {
        let vocabularies: [Set<String>] = [
            ["таә", "фио", "taá", "tegі", "имя"], ["күні", "күнi", "kúni", "date"], ["e", "е", "эл"],
            ["и\u{0306}мя", "k"], ["№", "nº"],
        ]
        for vocabulary in vocabularies {
            let set = WordSet(vocabulary)
            for word in Self.words + Array(vocabulary) {
                #expect(set.contains(word) == vocabulary.contains(word), "\(word) in \(vocabulary)")
                #expect(set.contains(word, simple: FoldedText.isSimple(word)) == vocabulary.contains(word))
            }
        }
    }

    @Test func hasAndHasPairAnswerAsTokenComparison() {
        let texts = ["Т.А.Ә.", "Тегі, аты", "Last name", "last  name\u{0301}", "И\u{0306}мя", "Имя", "№ п/п", "e-mail", "Full name"]
        for text in texts {
            let folded = FoldedText(text)
            for word in Self.words {
                #expect(folded.has(word) == folded.tokens.contains(word), "\(text) has \(word)")
                for second in ["name", "mail", "name\u{0301}", "аты"] {
                    let expected = zip(folded.tokens, folded.tokens.dropFirst()).contains { $0 == word && $1 == second }
                    #expect(folded.hasPair(word, second) == expected, "\(text): \(word) \(second)")
                }
            }
            #expect(folded.hasAny(WordSet(Set(Self.words))) == folded.tokens.contains { Set(Self.words).contains($0) })
        }
    }

    @Test func memoKeysAreBytes() {
        #expect(UTF8Word("имя") == UTF8Word("имя"))
        #expect(UTF8Word("и\u{0306}мя") != UTF8Word("имя"))  // another spelling only costs its own reading
        #expect(Set([UTF8Word("a"), UTF8Word("a"), UTF8Word("b")]).count == 2)
    }

    /// The address check before the byte path (characters around `@`).
    static func containsAddressByCharacters(_ text: String) -> Bool {
        let characters = Array(text)
        return characters.indices.contains { index in
            characters[index] == "@" && index > 0 && index + 1 < characters.count
                && (characters[index - 1].isLetter || characters[index - 1].isNumber)
                && (characters[index + 1].isLetter || characters[index + 1].isNumber)
        }
    }

    static let addresses = [
        "a@b", "user1.1@kazguu.kz", "@kazguu.kz", "user@", "a @b", "a@ b", "a.@b", "x\r\n@y", "E-mail (a.user@kazguu.kz)",
        "@", "a@@b", "1@2", "_@_", "ә@kazguu.kz", "a@ә", "a\u{0301}@b", "a@\u{0301}b", "user@kazguu.kz; other@kazguu.kz",
        "mailto:user@kazguu.kz", "user@kazguu", "user@kazguu.k", "user@-kazguu.kz", "user@kazguu-.kz", "user@kaz_guu.kz",
        "us..er@kazguu.kz", ".user@kazguu.kz", "user.@kazguu.kz", "user@kazguu..kz", "user@kazguu.kz.", "user@.kazguu.kz",
        "user@kazguu.k2", "user@1.kz", "u+tag!#$%&'*/=?^_`{|}~-@kazguu.kz", "user@kazguu.kz@x", "user(x)@kazguu.kz",
        String(repeating: "a", count: 64) + "@kazguu.kz", String(repeating: "a", count: 65) + "@kazguu.kz",
        "user@" + String(repeating: "a", count: 63) + ".kz", "user@" + String(repeating: "a", count: 64) + ".kz",
        "user@" + String(repeating: "a.", count: 125) + "kz", "user@kazguu.kz ", "",
    ]

    @Test func containsAddressAnswersAsByCharacters() {
        for text in Self.addresses {
            #expect(EmailAddress.containsAddress(text) == Self.containsAddressByCharacters(text), "\(text)")
        }
    }

    /// The address shape check before the byte path (split into parts, atoms and labels).
    static func isValidBySplitting(_ address: String) -> Bool {
        guard address.utf8.count <= 254, address.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        let parts = address.utf8.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        func alphanumeric(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        let symbols = Set("!#$%&'*+/=?^_`{|}~-".utf8)
        let local = parts[0], domain = parts[1]
        guard !local.isEmpty, local.count <= 64,
              local.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy({ atom in
                  !atom.isEmpty && atom.allSatisfy { alphanumeric($0) || symbols.contains($0) }
              }) else { return false }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, let tld = labels.last, tld.count >= 2,
              tld.allSatisfy({ alphanumeric($0) && !(0x30...0x39).contains($0) }) else { return false }
        return labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
                && label.allSatisfy { alphanumeric($0) || $0 == UInt8(ascii: "-") }
        }
    }

    @Test func isValidAnswersAsBySplitting() {
        for text in Self.addresses + Self.addresses.map({ $0.lowercased() }) {
            #expect(EmailAddress.isValid(text) == Self.isValidBySplitting(text), "\(text)")
        }
    }

    @Test func isoDatesAreTheCalendarsText() throws {
        for (year, month, day) in [(1, 1, 1), (9, 9, 9), (99, 12, 31), (999, 2, 28), (1950, 1, 1), (2024, 2, 29), (2026, 10, 10), (9999, 12, 31)] {
            let date = try #require(CalendarDay(year: year, month: month, day: day))
            #expect(date.iso == CivilCalendar.iso(year: year, month: month, day: day))
        }
    }

    @Test func serialNumbersOfNonASCIITextAreNone() {
        #expect(SerialNumber.parse(.text("12.")) == 12)
        #expect(SerialNumber.parse(.text("3.0")) == 3)
        #expect(SerialNumber.parse(.text("\u{00A0}7)")) == 7)  // a no-break space is trimmed first
        #expect(SerialNumber.parse(.text("7\u{200B}")) == 7)    // so is a zero-width space
        #expect(SerialNumber.parse(.text("١٢")) == nil)         // Arabic-Indic digits: neither Int nor Double reads them
        #expect(SerialNumber.parse(.text("Сәрсенбаева 12")) == nil)
        #expect(SerialNumber.parse(.text("12 ә")) == nil)
    }
}

/// The header search answers "no meaning" at once for a one-row label without any word or stem
/// a meaning needs; the full reading must agree on every label, real or made up.
@Suite struct HeaderPrefilterTests {
    static func labels() -> [String] {
        let vocabulary = [HeaderVocabulary.numberWords, HeaderVocabulary.nameWords, HeaderVocabulary.personWords,
                          HeaderVocabulary.emailWords, HeaderVocabulary.electronicWords, HeaderVocabulary.directionWords,
                          HeaderVocabulary.programmeWords, HeaderVocabulary.courseWords, HeaderVocabulary.hoursWords,
                          HeaderVocabulary.dateWords, HeaderVocabulary.foreignDateWords, HeaderVocabulary.titleWords]
            .flatMap(\.words)
        let stems = [HeaderVocabulary.phoneStems, HeaderVocabulary.addressStems, HeaderVocabulary.codeStems,
                     HeaderVocabulary.contactStems, HeaderVocabulary.schoolStrongStems, HeaderVocabulary.schoolStems,
                     HeaderVocabulary.directionStems, HeaderVocabulary.programmeStems, HeaderVocabulary.courseStems,
                     HeaderVocabulary.plannedStems, HeaderVocabulary.lastStems, HeaderVocabulary.startStems,
                     HeaderVocabulary.secondaryStems].flatMap(\.stems)
        let official = [
            "№", "Мектеп / бөлім", "Т.А.Ә.", "Даярлау бағыты", "Білім беру бағдарламасы", "Соңғы біліктілікті арттыру курсының атауы",
            "Курс өткен күні", "Сағат саны", "Телефон", "Электрондық пошта", "E-mail", "Ф.И.О.", "Last name", "First name",
            "Full name", "ОП шифры және атауы (бағыты)", "Дата начала курса", "Объем (часов)", "Контакты", "п/п", "Nº",
            "Сәрсенбаева Ақмарал Ұзаққызы 12", "Халықаралық арбитраж: теория және практика", "6B04201 Құқықтану",
            "user1.1@kazguu.kz", "2021-03-05", "Барлығы", "Жоспарланған курс", "Қалаған курс атауы", "Туған күні",
            "Е-mail", "эл. адрес", "Эл. мекенжайы", "Жеке телефон", "Middle name", "Given names", "Ә", "Т. А. Ә.",
        ]
        return vocabulary + stems + stems.map { $0 + "ы" } + stems.map { "x" + $0 } + official
            + vocabulary.map { "Курс " + $0 } + official.map { $0.uppercased() }
    }

    @Test func prefilterChangesNoReading() {
        for label in Self.labels() {
            let whole = FoldedText(label + " ")
            let filtered = HeaderCellMeaning.read(whole: whole, lower: nil, prefilter: true)
            let full = HeaderCellMeaning.read(whole: whole, lower: nil, prefilter: false)
            #expect(filtered?.meaning == full?.meaning && filtered?.strength == full?.strength, "\(label)")
        }
    }
}
