import Testing
@testable import Documents

@Suite struct ODSReaderTests {
    private func table(_ body: String, styles: String = "") throws -> [Table] {
        try DocumentReader.read(bytes: try OfficeFixture.ods(body, automaticStyles: styles), fileName: "t.ods").tables
    }

    @Test func valueTypesAndText() throws {
        let body = """
            <table:table table:name="Өтінім"><table:table-row>\
            <table:table-cell office:value-type="float" office:value="72"><text:p>72,00</text:p></table:table-cell>\
            <table:table-cell office:value-type="date" office:date-value="2024-03-15T00:00:00"><text:p>15.03.24</text:p></table:table-cell>\
            <table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>\
            <table:table-cell office:value-type="string"><text:p>Т.А.<text:s text:c="2"/>Ә.</text:p><text:p>line<text:line-break/>two &amp; <text:span>span</text:span></text:p>\
            <office:annotation><text:p>a comment</text:p></office:annotation></table:table-cell>\
            </table:table-row></table:table>
            """
        let sheet = try #require(try table(body).first)
        #expect(sheet.name == "Өтінім")
        #expect(sheet.value(1, 0) == .number(72))
        #expect(sheet.value(1, 1) == .date(year: 2024, month: 3, day: 15))
        #expect(sheet.value(1, 2) == .bool(true))
        #expect(sheet.value(1, 3) == .text("Т.А.  Ә.\nline\ntwo & span"))
    }

    @Test func repeatedRowsAndColumnsAreCountedNotAllocated() throws {
        let filled = "<table:table-cell office:value-type=\"string\"><text:p>x</text:p></table:table-cell>"
        let body = """
            <table:table table:name="S">\
            <table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>\
            <table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="2"/>\(filled)</table:table-row>\
            <table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>\
            <table:table-row>\(filled)</table:table-row>\
            </table:table>
            """
        let sheet = try #require(try table(body).first)
        #expect(sheet.rows.map(\.number) == [3, 4, 5, 1_048_006])
        #expect(sheet.value(4, 2) == .text("x"))
        #expect(sheet.rows.allSatisfy { $0.cells.count <= 3 })
    }

    @Test func spannedCellsBecomeMergedCopies() throws {
        let body = """
            <table:table table:name="S">\
            <table:table-row><table:table-cell table:number-columns-spanned="2" table:number-rows-spanned="2" \
            office:value-type="string"><text:p>Мектеп</text:p></table:table-cell><table:covered-table-cell/>\
            <table:table-cell office:value-type="string"><text:p>c</text:p></table:table-cell></table:table-row>\
            <table:table-row><table:covered-table-cell table:number-columns-repeated="2"/>\
            <table:table-cell office:value-type="string"><text:p>d</text:p></table:table-cell></table:table-row>\
            </table:table>
            """
        let sheet = try #require(try table(body).first)
        #expect(sheet.cell(1, 0) == Cell(.text("Мектеп")))
        #expect(sheet.cell(1, 1) == Cell(.text("Мектеп"), isMergedCopy: true))
        #expect(sheet.cell(2, 0) == Cell(.text("Мектеп"), isMergedCopy: true))
        #expect(sheet.cell(2, 1) == Cell(.text("Мектеп"), isMergedCopy: true))
        #expect(sheet.value(1, 2) == .text("c"))
        #expect(sheet.value(2, 2) == .text("d"))
    }

    @Test func hiddenTablesComeFromTheirStyle() throws {
        let styles = """
            <style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>\
            <style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>
            """
        let body = "<table:table table:name=\"A\" table:style-name=\"ta1\"/><table:table table:name=\"B\" table:style-name=\"ta2\"/>"
        let tables = try table(body, styles: styles)
        #expect(tables.map(\.name) == ["A", "B"])
        #expect(tables.map(\.isHidden) == [false, true])
    }
}
