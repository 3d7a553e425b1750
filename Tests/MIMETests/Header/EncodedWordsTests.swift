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

    /// A word that is not well formed stays as written (RFC 2047 §6.3: shown, not dropped).
    @Test(arguments: ["=?", "=?=", "=?a?", "=?a?b?", "=?a?b?c", "=??B?AA==?=", "=?utf-8?x?abc?=", "=?utf 8?B?AA==?="])
    func malformedWordsStayAsWritten(_ input: String) {
        #expect(EncodedWords.decode(input) == input)
    }

    /// Well-formed words with damaged payloads decode to what the payload allows, never more.
    @Test func damagedPayloadsDecodeToWhatIsThere() {
        #expect(EncodedWords.decode("=?utf-8?b?====?=") == "")
        // A lone "=" in Q is a soft line break (RFC 2045 §6.7): it stands for nothing.
        #expect(EncodedWords.decode("before =?utf-8?q?=?= after") == "before  after")
        #expect(EncodedWords.decode("=?utf-8?q?=Z?=") == "=Z")
        // An unusable charset name is read as us-ascii: the NUL byte is kept, nothing invented.
        #expect(EncodedWords.decode("=?\u{0}?B?QUI=?=") == "AB")
    }
}
