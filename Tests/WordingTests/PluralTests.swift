import Testing
import Wording

@Suite struct PluralTests {
    static let numbers = [0, 1, 2, 5, 11, 21, 22, 25, 111, 112, 1001]

    @Test func russianCategories() {
        let expected: [PluralCategory] = [.many, .one, .few, .many, .many, .one, .few, .many, .many, .many, .one]
        #expect(Self.numbers.map { PluralCategory.of($0, in: .ru) } == expected)
    }

    @Test func englishAndKazakhCategories() {
        #expect(Self.numbers.map { PluralCategory.of($0, in: .en) } == Self.numbers.map { $0 == 1 ? .one : .other })
        #expect(Self.numbers.allSatisfy { PluralCategory.of($0, in: .kk) == .one })
    }

    @Test(arguments: [
        (0, "0 академических часов", "0 academic hours", "0 академиялық сағат"),
        (1, "1 академический час", "1 academic hour", "1 академиялық сағат"),
        (2, "2 академических часа", "2 academic hours", "2 академиялық сағат"),
        (5, "5 академических часов", "5 academic hours", "5 академиялық сағат"),
        (11, "11 академических часов", "11 academic hours", "11 академиялық сағат"),
        (21, "21 академический час", "21 academic hours", "21 академиялық сағат"),
        (22, "22 академических часа", "22 academic hours", "22 академиялық сағат"),
        (25, "25 академических часов", "25 academic hours", "25 академиялық сағат"),
        (111, "111 академических часов", "111 academic hours", "111 академиялық сағат"),
    ])
    func hoursInEveryLanguage(number: Int, ru: String, en: String, kk: String) {
        let russian = NounForms(one: "академический час", few: "академических часа", many: "академических часов")
        let english = NounForms(one: "academic hour", other: "academic hours")
        let kazakh = NounForms(one: "академиялық сағат")
        func plain(_ text: String) -> String { String(text.map { $0 == "\u{00A0}" ? " " : $0 }) }
        #expect(plain(russian.counted(number, in: .ru)) == ru)
        #expect(plain(english.counted(number, in: .en)) == en)
        #expect(plain(kazakh.counted(number, in: .kk)) == kk)
    }

    @Test func moneyAndSizes() {
        #expect(Numbers.tenge(150_000, language: .kk) == "150\u{00A0}000\u{00A0}тг")
        #expect(Numbers.tenge(1_250_000, language: .ru) == "1\u{00A0}250\u{00A0}000\u{00A0}тг")
        #expect(Numbers.tenge(1_250_000, language: .en) == "1,250,000 tenge")
        #expect(Numbers.tenge(900, language: .en) == "900 tenge")
        #expect(Numbers.fileSize(10 << 20, language: .kk) == "10\u{00A0}МБ")
        #expect(Numbers.fileSize(10 << 20, language: .ru) == "10\u{00A0}МБ")
        #expect(Numbers.fileSize(10 << 20, language: .en) == "10\u{00A0}MB")
        #expect(Numbers.fileSize(25 << 20, language: .en) == "25\u{00A0}MB")
        #expect(Numbers.fileSize(1_500_000, language: .ru) == "2\u{00A0}МБ")
        #expect(Numbers.fileSize(512 << 10, language: .en) == "512\u{00A0}KB")
        #expect(Numbers.fileSize(1 << 30, language: .kk) == "1\u{00A0}ГБ")
    }
}
