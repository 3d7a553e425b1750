import Testing
@testable import Documents
import Foundation

@Suite struct XLSXReaderTests {
    private func read(_ bytes: [UInt8]) throws -> Document {
        try DocumentReader.read(bytes: bytes, fileName: "test.xlsx")
    }

    @Test(arguments: [
        // (date1904, serial, expected date) – the 1900 system keeps Excel's phantom 1900-02-29.
        (false, 1.0, "1900-01-01"), (false, 59.0, "1900-02-28"), (false, 61.0, "1900-03-01"),
        (false, 45000.0, "2023-03-15"), (false, 45000.75, "2023-03-15"),
        (true, 0.0, "1904-01-01"), (true, 45000.0, "2027-03-16"),
    ])
    func dateSystems(date1904: Bool, serial: Double, expected: String) throws {
        let bytes = try OfficeFixture.xlsx(
            sheets: [.init(name: "S", xml: "<sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"><v>\(serial)</v></c></row></sheetData>")],
            cellXfs: [0, 14], date1904: date1904)
        let value = try read(bytes).tables[0].value(1, 0)
        guard case .date(let y, let m, let d) = value else {
            Issue.record("expected a date, got \(value)")
            return
        }
        #expect(String(format: "%04d-%02d-%02d", y, m, d) == expected)
    }

    @Test func dateFormatsDecideWhichNumbersAreDates() throws {
        // Styles: 0 General, 1 built-in 14, 2 custom dd.mm.yyyy, 3 custom 0.00, 4 [h]:mm,
        // 5 quoted "day" literal, 6 built-in 22 (date time), 7 [$-F800] locale date.
        let cells = (0..<8).map { "<c r=\"\(Character(UnicodeScalar(65 + $0)!))1\" s=\"\($0)\"><v>45000</v></c>" }.joined()
        let bytes = try OfficeFixture.xlsx(
            sheets: [.init(name: "S", xml: "<sheetData><row r=\"1\">\(cells)</row></sheetData>")],
            numFmts: [(164, "dd\\.mm\\.yyyy"), (165, "0.00"), (166, "[h]:mm"), (167, "\"day\" 0"),
                      (168, "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy")],
            cellXfs: [0, 14, 164, 165, 166, 167, 22, 168])
        let table = try read(bytes).tables[0]
        let date = CellValue.date(year: 2023, month: 3, day: 15)
        #expect(table.value(1, 0) == .number(45000))
        #expect(table.value(1, 1) == date)
        #expect(table.value(1, 2) == date)
        #expect(table.value(1, 3) == .number(45000))
        #expect(table.value(1, 4) == .number(45000))
        #expect(table.value(1, 5) == .number(45000))
        #expect(table.value(1, 6) == date)
        #expect(table.value(1, 7) == date)
    }

    @Test func mergedCellsCopyTheTopLeftValue() throws {
        let xml = """
            <sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>\
            <row r="4"><c r="B4"><v>7</v></c></row></sheetData>\
            <mergeCells count="2"><mergeCell ref="A1:C2"/><mergeCell ref="B4:B5"/></mergeCells>
            """
        let table = try read(try OfficeFixture.xlsx(sheets: [.init(name: "S", xml: xml)], sharedStrings: ["Өтінім"])).tables[0]
        #expect(table.cell(1, 0) == Cell(.text("Өтінім")))
        for (row, column) in [(1, 1), (1, 2), (2, 0), (2, 1), (2, 2)] {
            #expect(table.cell(row, column) == Cell(.text("Өтінім"), isMergedCopy: true), "row \(row) column \(column)")
        }
        #expect(table.cell(5, 1) == Cell(.number(7), isMergedCopy: true))
        #expect(table.rows.map(\.number) == [1, 2, 4, 5])
    }

    @Test func hiddenSheetsAreMarkedAndOrderIsKept() throws {
        let data = "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData>"
        let bytes = try OfficeFixture.xlsx(sheets: [
            .init(name: "Lists", state: "hidden", xml: data),
            .init(name: "Өтінім", xml: data),
            .init(name: "Secret", state: "veryHidden", xml: data),
        ])
        let tables = try read(bytes).tables
        #expect(tables.map(\.name) == ["Lists", "Өтінім", "Secret"])
        #expect(tables.map(\.isHidden) == [true, false, true])
    }

    @Test func stringKinds() throws {
        let xml = """
            <sheetData><row r="1">\
            <c r="A1" t="inlineStr"><is><t>inline &amp; plain</t></is></c>\
            <c r="B1" t="s"><v>1</v></c>\
            <c r="C1" t="str"><f>A1&amp;"!"</f><v>computed</v></c>\
            <c r="D1"><f>SUM(E1:F1)</f><v>3</v></c>\
            <c r="E1" t="b"><v>1</v></c>\
            <c r="F1" t="e"><v>#DIV/0!</v></c>\
            <c r="G1" t="s"><v>0</v></c>\
            </row></sheetData>
            """
        let shared = ["&#1178;азақ &lt;тілі&gt;",
                      "<r><rPr><b/></rPr><t>Rich </t></r><r><t>text</t></r><rPh><t>ignored</t></rPh>"]
        let table = try read(try OfficeFixture.xlsx(sheets: [.init(name: "S", xml: xml)], sharedStrings: shared)).tables[0]
        #expect(table.value(1, 0) == .text("inline & plain"))
        #expect(table.value(1, 1) == .text("Rich text"))
        #expect(table.value(1, 2) == .text("computed"))
        #expect(table.value(1, 3) == .number(3))
        #expect(table.value(1, 4) == .bool(true))
        #expect(table.value(1, 5) == .text("#DIV/0!"))
        #expect(table.value(1, 6) == .text("Қазақ <тілі>"))
    }

    @Test func rowNumbersFollowTheFileIncludingGapsAndMissingReferences() throws {
        let xml = """
            <sheetData><row r="3"><c r="C3"><v>1</v></c></row>\
            <row><c><v>2</v></c><c><v>3</v></c></row>\
            <row r="9"><c r="B9"><v>4</v></c><c><v>5</v></c></row></sheetData>
            """
        let table = try read(try OfficeFixture.xlsx(sheets: [.init(name: "S", xml: xml)])).tables[0]
        #expect(table.rows.map(\.number) == [3, 4, 9])
        #expect(table.value(3, 2) == .number(1))
        #expect(table.value(4, 0) == .number(2))
        #expect(table.value(4, 1) == .number(3))
        #expect(table.value(9, 2) == .number(5))
    }

    @Test func macroWorkbooksAreRefusedWithAHint() throws {
        let bytes = try OfficeFixture.xlsx(sheets: [.init(name: "S", xml: "<sheetData/>")],
                                           extra: [("xl/vbaProject.bin", "macro")])
        let error = #expect(throws: DocumentError.self) { try read(bytes) }
        #expect(error?.kind == .unsupportedFormat)
        #expect(error?.detail.contains(".xlsx") == true)
    }
}
