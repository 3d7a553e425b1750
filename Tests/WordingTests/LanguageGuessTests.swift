import Testing
import Wording

@Suite struct LanguageGuessTests {
    @Test(arguments: [
        ("Сәлеметсіз бе! Бөлімшенің өтінімін жіберіп отырмын.", WordingLanguage.kk),
        ("Добрый день! Направляю заявку кафедры.", .ru),
        ("Добрый день! Пишет Сейтқали Әлібек, заявка кафедры во вложении.", .ru),
        ("Hello, please find our application attached.", .en),
        ("Hello, это заявка", .ru),
        ("", .ru),
        ("12345 !!!", .ru),
    ])
    func languageOfAText(text: String, expected: WordingLanguage) {
        #expect(LanguageGuess.language(of: text, fallback: .ru) == expected)
    }

    @Test func aTieGoesToTheDefault() {
        #expect(LanguageGuess.language(of: "abc где", fallback: .kk) == .kk)
        #expect(LanguageGuess.language(of: "", fallback: .en) == .en)
    }
}
