import TestSupport
import Testing
@testable import Documents

/// `maxCells` bounds memory and work where rows × columns alone would not.
@Suite struct CellBudgetTests {
    private func workbook(_ sheetXML: String) throws -> [UInt8] {
        try OfficeFixture.xlsx(sheets: [.init(name: "S", xml: sheetXML)])
    }

    @Test func bigSheetsAreTooLarge() throws {
        var limits = DocumentLimits()
        limits.maxCells = 1000
        // 100 rows × 20 columns of numbers: 2,000 cells.
        let rows = (1...100).map { row in
            "<row r=\"\(row)\">" + (0..<20).map { "<c><v>\($0)</v></c>" }.joined() + "</row>"
        }.joined()
        let bytes = try workbook("<sheetData>\(rows)</sheetData>")
        #expect(DocumentReader.errorKind(bytes, limits: limits) == .tooLarge)
        #expect(DocumentReader.errorKind(bytes) == nil)
    }

    @Test func hugeMergedRegionsCostBoundedWork() throws {
        let merges = String(repeating: "<mergeCell ref=\"A1:XFD1048576\"/>", count: 10_000)
        let bytes = try workbook("<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData><mergeCells>\(merges)</mergeCells>")
        let (kind, duration) = ThreadCPUTime.measure { DocumentReader.errorKind(bytes) }
        #expect(kind == .tooLarge)
        #expect(duration < .seconds(10))
    }

    @Test func htmlBodiesDropRowsPastTheBudget() {
        var limits = DocumentLimits()
        limits.maxCells = 30
        let html = "<table>" + String(repeating: "<tr><td>a</td><td>b</td><td>c</td></tr>", count: 50) + "</table>"
        let tables = HTMLTableReader.read(html: html, limits: limits)
        #expect(tables.first?.rows.count == 10)
    }
}
