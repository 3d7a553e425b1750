import Foundation
import Testing
import Documents

/// Not a timed test: with DOCUMENTS_MEASURE_FILE=path (a workbook from scripts/gen-big-xlsx.py)
/// it reads the file once and prints the time, so that `/usr/bin/time -v swift test …` can
/// report wall time and peak RSS. Without the variable it does not run.
@Suite struct LargeWorkbookMeasurement {
    static let path = ProcessInfo.processInfo.environment["DOCUMENTS_MEASURE_FILE"]

    @Test(.enabled(if: path != nil)) func readLargeWorkbook() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: try #require(Self.path))))
        let clock = ContinuousClock()
        var document: Document?
        let duration = try clock.measure { document = try DocumentReader.read(bytes: bytes, fileName: "big.xlsx") }
        let rows = document?.tables.map(\.rows.count).reduce(0, +) ?? 0
        print("MEASURE: \(bytes.count) bytes, \(rows) rows, read in \(duration)")
        #expect(rows > 0)
    }
}
