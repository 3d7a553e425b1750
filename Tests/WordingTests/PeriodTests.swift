import Testing
import Wording

/// A course's dates as a person writes them: the shared year and month said once.
@Suite struct PeriodTests {
    static let cases: [(start: (Int, Int, Int), end: (Int, Int, Int), kk: String, ru: String, en: String)] = [
        ((2026, 9, 14), (2026, 10, 30), "2026 жылғы 14 қыркүйек – 30 қазан", "14\u{A0}сентября – 30\u{A0}октября 2026\u{A0}г.",
         "14 September – 30 October 2026"),
        ((2026, 10, 5), (2026, 10, 9), "2026 жылғы 5–9 қазан", "5–9\u{A0}октября 2026\u{A0}г.", "5–9 October 2026"),
        ((2026, 11, 2), (2027, 1, 29), "2026 жылғы 2 қараша – 2027 жылғы 29 қаңтар",
         "2\u{A0}ноября 2026\u{A0}г. – 29\u{A0}января 2027\u{A0}г.", "2 November 2026 – 29 January 2027"),
        ((2026, 6, 1), (2026, 6, 1), "2026 жылғы 1 маусым", "1\u{A0}июня 2026\u{A0}г.", "1 June 2026"),
    ]

    @Test(arguments: 0..<cases.count)
    func periods(index: Int) {
        let c = Self.cases[index]
        let start = (year: c.start.0, month: c.start.1, day: c.start.2), end = (year: c.end.0, month: c.end.1, day: c.end.2)
        #expect(LongDate.period(from: start, to: end, language: .kk) == c.kk)
        #expect(LongDate.period(from: start, to: end, language: .ru) == c.ru)
        #expect(LongDate.period(from: start, to: end, language: .en) == c.en)
    }
}
