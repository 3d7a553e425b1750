import Testing
@testable import MIME

@Suite struct EncodedWordsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let input: String
        let expected: String
        var testDescription: String { input }
    }

    static let cases: [Case] = [
        Case(input: "=?UTF-8?B?0KHTmdC70LXQvA==?=", expected: "Сәлем"),
        Case(input: "=?utf-8?q?=D0=A1=D3=99_=d0=bb=d0=b5=d0=bc?=", expected: "Сә лем"),
        // Adjacent words: the whitespace between them disappears (RFC 2047 §6.2), also over a fold.
        Case(input: "=?UTF-8?B?0KE=?= \r\n =?UTF-8?B?05k=?=", expected: "Сә"),
        // A multi-byte character split across two words (Outlook does this).
        Case(input: "=?UTF-8?B?0Q==?= =?UTF-8?B?kQ==?=", expected: "ё"),
        Case(input: "RE: =?UTF-8?B?0JDQkQ==?= text", expected: "RE: АБ text"),
        Case(input: "=?koi8-r?B?7Mkg7sHUwczY0Q==?=", expected: "Ли Наталья"),
        Case(input: "=?windows-1251?Q?=C7=E0=FF=E2=EA=E0?=", expected: "Заявка"),
        Case(input: "=?UTF-8*kk?B?0po=?=", expected: "Қ"),
        // Labelled windows-1251 but really UTF-8 (misconfigured clients): the bytes decide.
        Case(input: "=?windows-1251?B?06jRgtGW0L3RltC8?=", expected: "Өтінім"),
        // Malformed words stay as written.
        Case(input: "=?UTF-8?X?abc?=", expected: "=?UTF-8?X?abc?="),
        Case(input: "=?UTF-8?B?unterminated", expected: "=?UTF-8?B?unterminated"),
        Case(input: "=??B?abc?=", expected: "=??B?abc?="),
        Case(input: "plain = text ?= here", expected: "plain = text ?= here"),
        // Unknown charset: the bytes are guessed rather than lost.
        Case(input: "=?x-unknown?B?0JDQkQ==?=", expected: "АБ"),
    ]

    @Test(arguments: cases)
    func decodes(_ c: Case) {
        #expect(EncodedWords.decode(c.input) == c.expected)
    }

    @Test func invalidWordsNeverCrash() {
        for s in ["=?", "=?=", "=?a?", "=?a?b?", "=?a?b?c", "=?utf-8?b?====?=", "=?utf-8?q?=?=", "=?utf-8?q?=Z?=", "=?\u{0}?B?AA==?="] {
            _ = EncodedWords.decode(s)
        }
    }
}
