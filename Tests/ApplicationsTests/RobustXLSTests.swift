import Testing
import Foundation
@testable import Documents

/// The facts of legacy .xls workbooks that FreeXL does not report, read from the workbook
/// stream: merged regions and hidden sheets. Files from Tests/Fixtures/robust (xlwt-made).
@Suite struct RobustXLSTests {
    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: RobustCorpusTests.root.appendingPathComponent("files").appendingPathComponent(name)))
    }

    @Test func mergedSchoolIsCopiedDownTheRows() throws {
        let document = try DocumentReader.read(bytes: try Self.bytes("r77_xls_merged_school.xls"), fileName: "r77.xls")
        let table = try #require(document.tables.first)
        // Header in row 1, three people in rows 2–4, the school merged over B2:B4.
        let schools = table.rows.dropFirst().map { $0.cells.indices.contains(1) ? $0.cells[1] : .empty }
        #expect(schools.map(\.value) == Array(repeating: .text("ДИТ"), count: 3))
        #expect(schools.map(\.isMergedCopy) == [false, true, true])
    }

    @Test func hiddenSheetIsMarkedHidden() throws {
        let document = try DocumentReader.read(bytes: try Self.bytes("r79_xls_hidden_old_sheet.xls"), fileName: "r79.xls")
        #expect(document.tables.map(\.isHidden) == [true, false])
    }

    @Test func streamOfAnotherFileIsNil() throws {
        let xls = try Self.bytes("r77_xls_merged_school.xls")
        #expect(CompoundFileStream.read(xls, named: "Workbook") != nil)
        #expect(CompoundFileStream.read(xls, named: "WordDocument") == nil)
        #expect(CompoundFileStream.read(Array(xls.prefix(600)), named: "Workbook") == nil)
    }

    /// Damaged workbook streams and directory sectors: the walk ends, nothing traps or loops.
    @Test(arguments: [0, 1, 2, 3, 4, 5, 6, 7])
    func damagedWorkbookDoesNotTrap(_ seed: Int) throws {
        var bytes = try Self.bytes("r61_kk_two_row.xls")
        var state = UInt64(seed + 1) &* 0x9E37_79B9_7F4A_7C15
        for _ in 0..<40 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let index = Int(state >> 33) % bytes.count
            bytes[index] = UInt8(truncatingIfNeeded: state >> 13)
        }
        _ = CompoundFileStream.read(bytes, named: "Workbook").map { BIFFSheetFacts.read(workbook: $0) }
        _ = try? DocumentReader.read(bytes: bytes, fileName: "damaged.xls")
        let facts = BIFFSheetFacts.read(workbook: Array(bytes.suffix(from: 512)))
        #expect(facts.count < 1_000)
    }
}
