import Testing
@testable import MIME

/// Forward blocks found, and long lines refused, in a body of a megabyte (the bot's own receipt
/// lists over a thousand rows; its speed is measured by scripts/bench, not here).
@Suite struct ForwardDetectorLargeBodyTests {
    static let rows = String(repeating: "1\tИванов Иван Иванович\tБіліктілікті арттыру курсы\t72\n", count: 14_000)

    @Test func aForwardBlockAfterAMegabyteOfRowsIsFound() throws {
        #expect(Self.rows.utf8.count > 1_000_000)
        let text = Self.rows + "---------- Forwarded message ---------\nFrom: Тоқтарова Мөлдір <m.toktarova@kazguu.kz>\n"
            + "Date: Wed, May 20, 2026 at 11:02 AM\nSubject: Өтінім\n"
        let origin = try #require(ForwardDetector.originInText(text, subjectSaysForward: true))
        #expect(origin.author.address == "m.toktarova@kazguu.kz")
        #expect(origin.subject == "Өтінім")
    }

    @Test func megabyteLongLines() {
        // However long the dashes around it, the words make the separator.
        let dashes = String(repeating: "-", count: 500_000) + " Forwarded message " + String(repeating: "-", count: 500_000)
        #expect(ForwardDetector.isSeparator(dashes))
        #expect(!ForwardDetector.isSeparator(String(repeating: "-", count: 1_000_000)))
        #expect(!ForwardDetector.isSeparator("-- Forwarded message " + String(repeating: "x", count: 1_000_000)))
        let attribution = String(repeating: "x", count: 1_000_000) + " wrote:"
        #expect(!ForwardDetector.isReplyAttribution(attribution))
        #expect(ForwardDetector.isReplyAttribution("On Mon, 18 May 2026, Li N. <n.li@kazguu.kz> wrote:  "))
        #expect(ForwardDetector.originInText(Self.rows, subjectSaysForward: true) == nil)
    }
}
