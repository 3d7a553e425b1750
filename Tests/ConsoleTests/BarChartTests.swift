import Testing
@testable import Console

/// A unit's long name is wrapped into two lines left of the bar and shortened with "…" only
/// when even two do not hold it; the whole name stays in the bar's `<title>`.
@Suite struct BarChartTests {
    @Test func longLabelsWrapIntoTwoLinesAndKeepTheWholeNameInTheTitle() {
        let short = "Құқық мектебі"
        let two = "Халықаралық қатынастар мектебі"
        let long = "Жоғары құқық мектебінің азаматтық және кәсіпкерлік құқық кафедрасы"
        let chart = BarChart(title: "t", entries: [(short, 1, "1", "bar-ok"), (two, 2, "2", "bar-ok"), (long, 3, "3", "bar-late")])
        #expect(chart.bars[0].labelLines.map(\.text) == [short] && !chart.bars[0].isShortened)
        #expect(chart.bars[1].labelLines.count == 2 && !chart.bars[1].isShortened)
        #expect(chart.bars[1].labelLines.map(\.text).joined(separator: " ") == two)
        #expect(chart.bars[2].labelLines.count == 2 && chart.bars[2].isShortened)
        #expect(chart.bars[2].labelLines.last?.text.hasSuffix("…") == true)
        #expect(chart.bars[2].label == long, "the title keeps the whole name")
        for bar in chart.bars {
            #expect(bar.labelLines.allSatisfy { $0.text.count <= BarChart.lineCharacters }, "\(bar.labelLines)")
            #expect(bar.labelLines.allSatisfy { $0.y > bar.y && $0.y < bar.y + BarChart.barHeight + BarChart.gap })
        }
        // A single word longer than a line is cut, not lost.
        #expect(BarChart.wrap(String(repeating: "Ә", count: 30)).map(\.count) == [19, 11])
    }

    @Test func theTemplateDrawsTheLinesAndTheTitle() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        let dshr = TestBrowser(app: fixture.app)
        dshr.signIn("dshr.console@kazguu.kz", mailer: fixture.mailer)
        let page = dshr.get("/compliance", query: ["lang": "kk"]).bodyText
        #expect(page.contains("<g><title>Құқық жоғары мектебі</title>"))
        #expect(page.contains("<tspan x=\"0\""))
    }
}
