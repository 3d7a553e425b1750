import Testing
import Foundation
@testable import Applications

/// Application files made the way other offices make them (Tests/Fixtures/robust/make.py):
/// other header wordings and orders, tables lower and further right, two-row and repeated
/// headers, sections, totals, footers, several sheets, every date and hour form, every kind of
/// invalid row. Each expected record was written from samples/README.md, not from this
/// program's output; make.py marks with "clerk:" the cases the README leaves open and why.
@Suite struct RobustCorpusTests {
    struct Oracle: Decodable {
        let applications: [ApplicationFileRecord]
    }

    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ApplicationsTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Fixtures/robust")

    static let oracle: Oracle? = try? JSONDecoder().decode(
        Oracle.self, from: Data(contentsOf: root.appendingPathComponent("expected.json")))

    static var files: [String] { oracle?.applications.map(\.file) ?? [] }

    /// Every course date in these files is before this; every "future" date is 2040 or later.
    static let receivedOn = CalendarDay(year: 2026, month: 5, day: 31)!

    @Test func everyGeneratedFileHasARecord() throws {
        let oracle = try #require(Self.oracle)
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("files").path)
        #expect(Set(onDisk) == Set(oracle.applications.map(\.file)))
        #expect(oracle.applications.count >= 40)
    }

    @Test(arguments: files)
    func readsLikeACarefulClerk(_ file: String) throws {
        let expected = try #require(Self.oracle?.applications.first { $0.file == file }).reading
        let bytes = [UInt8](try Data(contentsOf: Self.root.appendingPathComponent("files").appendingPathComponent(file)))
        let got = ApplicationReader.read(bytes: bytes, fileName: file, receivedOn: Self.receivedOn)
        expectSameReading(got, expected, file)
    }
}
