import TestSupport
import Testing
import Foundation
import Documents
@testable import Regulation

/// A Plan at the row limit is read in reasonable time, and hostile cells do not slow it down.
@Suite struct PlanTableReaderLimitsTests {
    @Test func aPlanAtTheRowLimit() throws {
        let limits = TableReadingLimits()
        var rows = [Row(number: 1, cells: PlanTableReaderTests.keys.map { Cell(.text($0)) })]
        for index in 0..<limits.maxRows {
            let cells = PlanTableReaderTests.row(id: "C-\(index % 500)", email: "p\(index)@kazguu.kz")
                .map { Cell($0) } + [Cell(.text(String(repeating: "x", count: 5_000)))]
            rows.append(Row(number: index + 2, cells: cells))
        }
        let (reading, elapsed) = try ThreadCPUTime.measure { try PlanTableReader().read(Table(name: "big", rows: rows)) }
        #expect(reading.plan.assignments.count == limits.maxRows)
        #expect(reading.plan.courses.count == 500)
        #expect(elapsed < .seconds(30), "took \(elapsed)")
        print("read \(limits.maxRows) Plan rows in \(elapsed)")
    }
}
