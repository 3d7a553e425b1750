import Testing
import Wording

@Suite struct LongDateTests {
    /// Every month in every case form a template may ask for: vowel harmony (сәуір, шілде,
    /// қыркүйек are front) and the last sound (маусым → -нан, қыркүйек → -ке/-те/-тен).
    static let kazakh: [(month: Int, nominative: String, genitive: String, dative: String, locative: String, ablative: String)] = [
        (1, "қаңтар", "қаңтардың", "қаңтарға", "қаңтарда", "қаңтардан"),
        (2, "ақпан", "ақпанның", "ақпанға", "ақпанда", "ақпаннан"),
        (3, "наурыз", "наурыздың", "наурызға", "наурызда", "наурыздан"),
        (4, "сәуір", "сәуірдің", "сәуірге", "сәуірде", "сәуірден"),
        (5, "мамыр", "мамырдың", "мамырға", "мамырда", "мамырдан"),
        (6, "маусым", "маусымның", "маусымға", "маусымда", "маусымнан"),
        (7, "шілде", "шілденің", "шілдеге", "шілдеде", "шілдеден"),
        (8, "тамыз", "тамыздың", "тамызға", "тамызда", "тамыздан"),
        (9, "қыркүйек", "қыркүйектің", "қыркүйекке", "қыркүйекте", "қыркүйектен"),
        (10, "қазан", "қазанның", "қазанға", "қазанда", "қазаннан"),
        (11, "қараша", "қарашаның", "қарашаға", "қарашада", "қарашадан"),
        (12, "желтоқсан", "желтоқсанның", "желтоқсанға", "желтоқсанда", "желтоқсаннан"),
    ]

    @Test(arguments: kazakh.map { $0.month })
    func kazakhMonthInEveryCase(month: Int) {
        let row = Self.kazakh[month - 1]
        let expected: [KazakhCase: String] = [.nominative: row.nominative, .genitive: row.genitive, .dative: row.dative,
                                              .locative: row.locative, .ablative: row.ablative]
        for (form, word) in expected {
            #expect(LongDate.text(year: 2026, month: month, day: 1, language: .kk, kazakhCase: form) == "2026 жылғы 1 \(word)",
                    "month \(month), \(form)")
        }
        let attributive = row.locative + (row.locative.hasSuffix("а") ? "ғы" : "гі")
        #expect(LongDate.text(year: 2026, month: month, day: 1, language: .kk, kazakhCase: .locativeAttributive)
                == "2026 жылғы 1 \(attributive)")
    }

    /// The endings beyond the month names: voicing after voiced stops (клуб), a voiceless end
    /// (кітап), у and й (оқу, үй), л in a front word (көл).
    @Test(arguments: [
        ("клуб", "клубтың", "клубқа", "клубта", "клубтан"),
        ("кітап", "кітаптың", "кітапқа", "кітапта", "кітаптан"),
        ("оқу", "оқудың", "оқуға", "оқуда", "оқудан"),
        ("үй", "үйдің", "үйге", "үйде", "үйден"),
        ("көл", "көлдің", "көлге", "көлде", "көлден"),
        ("мектеп", "мектептің", "мектепке", "мектепте", "мектептен"),
        ("бала", "баланың", "балаға", "балада", "баладан"),
    ])
    func kazakhEndingsOfOtherWords(word: String, genitive: String, dative: String, locative: String, ablative: String) {
        #expect(KazakhSuffix.attach(.nominative, to: word) == word)
        #expect(KazakhSuffix.attach(.genitive, to: word) == genitive)
        #expect(KazakhSuffix.attach(.dative, to: word) == dative)
        #expect(KazakhSuffix.attach(.locative, to: word) == locative)
        #expect(KazakhSuffix.attach(.ablative, to: word) == ablative)
    }

    @Test(arguments: Array(1...12))
    func russianAndEnglishMonths(month: Int) {
        let ru = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                  "ноября", "декабря"][month - 1]
        let en = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                  "November", "December"][month - 1]
        #expect(LongDate.text(year: 2026, month: month, day: 21, language: .ru) == "21\u{00A0}\(ru) 2026\u{00A0}г.")
        #expect(LongDate.text(year: 2026, month: month, day: 21, language: .en) == "21 \(en) 2026")
    }

    @Test func aDateWithATime() {
        #expect(LongDate.text(year: 2026, month: 6, day: 1, hour: 9, minute: 5, language: .kk) == "2026 жылғы 1 маусым, сағат\u{00A0}09:05")
        #expect(LongDate.text(year: 2026, month: 6, day: 1, hour: 9, minute: 5, language: .ru) == "1\u{00A0}июня 2026\u{00A0}г. в\u{00A0}09:05")
        #expect(LongDate.text(year: 2026, month: 6, day: 1, hour: 14, minute: 30, language: .en) == "1 June 2026 at 14:30")
    }

    /// A day of this year, as a daily summary lists its messages: no year, Kazakh says "сағат".
    @Test(arguments: [
        (WordingLanguage.kk, 9, 5, "сағат\u{00A0}09:05"), (.kk, 0, 0, "сағат\u{00A0}00:00"), (.kk, 23, 59, "сағат\u{00A0}23:59"),
        (.ru, 14, 5, "14:05"), (.en, 7, 30, "07:30"),
    ])
    func aTimeOfDay(language: WordingLanguage, hour: Int, minute: Int, expected: String) {
        #expect(LongDate.clock(hour: hour, minute: minute, language: language) == expected)
    }

    @Test func aDayOfThisYear() {
        #expect(LongDate.dayAndMonth(month: 9, day: 14, hour: 14, minute: 5, language: .kk) == "14 қыркүйек, сағат\u{00A0}14:05")
        #expect(LongDate.dayAndMonth(month: 9, day: 14, hour: 14, minute: 5, language: .ru) == "14\u{00A0}сентября в\u{00A0}14:05")
        #expect(LongDate.dayAndMonth(month: 9, day: 14, hour: 14, minute: 5, language: .en) == "14 September at 14:05")
        #expect(LongDate.dayAndMonth(month: 3, day: 1, language: .kk, kazakhCase: .ablative) == "1 наурыздан")
    }
}
