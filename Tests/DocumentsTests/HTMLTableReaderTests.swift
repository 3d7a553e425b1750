import Testing
@testable import Documents

@Suite struct HTMLTableReaderTests {
    @Test func outlookStyleTableWithSpansBreaksAndEntities() {
        let html = """
            <html><head><style>td {mso-x: 1}</style><!--[if gte mso 9]><xml><o:x>&bogus;</o:x></xml><![endif]--></head>
            <body><p>Сәлеметсіз бе!</p>
            <table class=MsoTable border=1>
             <tr><td colspan=2><p class=MsoNormal>Өтінім&nbsp;</p></td><td>x</td></tr>
             <tr><th>№</th><th>Т.А.Ә.</th><th rowspan="2">Мектеп</th></tr>
             <tr><td>1<td>Әлиев&#160;Ә.<br>Ә.&amp;Co &#x49A;</td></tr>
             <tr><td>2</td><td><p>A</p><p>B</p></td><td>z</td>
            </table></body></html>
            """
        let tables = HTMLTableReader.read(html: html)
        #expect(tables.count == 1)
        let table = tables[0]
        #expect(table.rows.map(\.number) == [1, 2, 3, 4])
        #expect(table.cell(1, 0) == Cell(.text("Өтінім")))
        #expect(table.cell(1, 1) == Cell(.text("Өтінім"), isMergedCopy: true))
        #expect(table.value(1, 2) == .text("x"))
        #expect(table.value(3, 1) == .text("Әлиев\u{00A0}Ә.\nӘ.&Co Қ"))
        #expect(table.cell(3, 2) == Cell(.text("Мектеп"), isMergedCopy: true))
        #expect(table.value(4, 1) == .text("A\nB"))
        #expect(table.value(4, 2) == .text("z"))
    }

    @Test func nestedAndUnclosedTables() {
        let html = "<table><tr><td>a<table><tr><td>inner</td></tr></table></td><td>b</td></tr><tr><td>c"
        let tables = HTMLTableReader.read(html: html)
        #expect(tables.map(\.name) == ["table 1", "table 2"])
        #expect(tables[0].rows.map { $0.cells.map(\.value) } == [[.text("a"), .text("b")], [.text("c")]])
        #expect(tables[1].value(1, 0) == .text("inner"))
    }

    @Test func hostileMarkupStaysBounded() {
        var limits = DocumentLimits()
        limits.maxColumns = 10
        limits.maxRows = 5
        let html = "<table>" + String(repeating: "<!-- c -->", count: 100_000)
            + "<tr><td colspan=999999 rowspan=999999>x</td></tr>" + String(repeating: "<tr><td>y</td></tr>", count: 50) + "</table>"
        let tables = HTMLTableReader.read(html: html, limits: limits)
        #expect(tables.count == 1)
        #expect(tables[0].rows.count == 5)
        #expect(tables[0].rows.allSatisfy { $0.cells.count <= 10 })
    }
}
