import Testing
@testable import MIME

/// The byte filter before the out-of-office phrase search must never say "cannot contain"
/// where the search by characters finds the phrase.
@Suite struct SubjectPhraseFilterTests {
    static let subjects = [
        "Out of office", "Автоответ: Re: өтінім", "re: автоматический ответ", "re: автоматичес\u{0438}\u{0306} ответ",
        "автоматическии\u{0306} ответ", "кеңседе жоқпын", "кен\u{0306}седе", "Re: Біліктілікті арттыруға өтінім – Құқық",
        "auto\u{2010}reply", "auto-reply\u{0301}", "auto-repl\u{0443}", "\u{212A}", "нет на месте", "вне офиса!", "",
        "orнымда жоқпын", "орнымда жоқпын", "vacation reply", "VACATION REPLY",
    ]

    @Test func neverMissesAPhraseTheCharacterSearchFinds() {
        for subject in Self.subjects.map({ $0.lowercased() }) {
            for phrase in AutoReplyDetector.subjectPhrases where subject.contains(phrase) {
                #expect(AutoReplyDetector.mayContain(subject, phrase), "\(subject) / \(phrase)")
            }
        }
    }

    @Test func filtersOnlyPhrasesOfSingleScalarLetters() {
        #expect(AutoReplyDetector.byteMatchable("out of office"))
        #expect(AutoReplyDetector.byteMatchable("кеңседе жоқпын"))
        #expect(!AutoReplyDetector.byteMatchable("автоматический ответ"))  // й decomposes
        #expect(!AutoReplyDetector.byteMatchable("Out"))
        #expect(!AutoReplyDetector.mayContain("re: өтінім", "out of office"))
    }

    @Test func signalsAreUnchanged() throws {
        let raw = "Subject: =?UTF-8?B?UmU6INCQ0LLRgtC+0L7RgtCy0LXRgg==?=\r\nX-Auto-Response-Suppress: All\r\n\r\nbody\r\n"
        let header = try MessageParser().parse(Array(raw.utf8)).header
        #expect(AutoReplyDetector.signals(header) == [.outOfOfficeSubject, .exchangeOutOfOffice])
    }
}
