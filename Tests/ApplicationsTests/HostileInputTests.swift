import TestSupport
import Testing
import Documents
@testable import Applications

/// Random and malformed tables never crash the reader, and its outcome stays consistent.
@Suite struct HostileInputTests {
    static let pieces: [CellValue] = [
        .empty, .text("Т.А.Ә."), .text("E-mail"), .text("№"), .text("Барлығы"), .text("____"), .text("@"),
        .text("a@kazguu.kz"), .text("A@KAZGUU.KZ"), .text("72 сағ"), .text("31.02.2025"), .text("\u{00A0}\n"),
        .text(String(repeating: "ә", count: 5000)), .text("\u{0}\u{FFFF}"), .number(.nan), .number(-.infinity),
        .number(1e308), .number(-0.0), .number(45000), .number(87011234567), .date(year: 2040, month: 2, day: 29),
        .date(year: 0, month: 0, day: 0), .bool(true), .text("1"), .text("Сағат саны"), .text("Соңғы курс"),
    ]

    @Test(arguments: 1...40)
    func randomTablesAreReadSafely(_ seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))  // the argument is the seed: its test case replays it
        let rowCount = Int(random.next() % 30)
        let rows = (0..<rowCount).map { index in
            Row(number: index + 1, cells: (0..<Int(random.next() % 14)).map { _ in
                Cell(random.pick(Self.pieces), isMergedCopy: random.next() % 5 == 0)
            })
        }
        let tables = [Table(name: "t", rows: rows), Table(name: "h", isHidden: true, rows: rows.reversed())]
        let reading = ApplicationReader.read(tables: tables, receivedOn: receipt)
        #expect(reading.readable)
        if reading.errorKind != nil {
            #expect(reading.rows.isEmpty && reading.invalidRows.isEmpty)
        }
        #expect(reading.rows.count + Set(reading.invalidRows.map(\.row)).count <= rowCount)
        let emails = reading.rows.compactMap(\.email)
        #expect(Set(emails).count == emails.count, "valid rows never share an address")
    }

    @Test func aWideAndLongTableIsBoundedByTheLimits() {
        var limits = ApplicationLimits()
        limits.maxRows = 10
        let rows = [kazakhHeader] + (1...50).map { employee(.number(Double($0)), email: .text("u\($0)@kazguu.kz")) }
        let reading = ApplicationReader.read(tables: [makeTable(rows)], receivedOn: receipt, limits: limits)
        #expect(reading.rows.count == 10)
    }
}
