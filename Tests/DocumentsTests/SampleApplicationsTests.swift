import TestSupport
import Foundation
import Testing
@testable import Documents

/// Every application file of the corpus opens as its format, or fails with the oracle's
/// file-level error kind. (Which rows are employees is the Applications module's job.)
@Suite struct SampleApplicationsTests {
    @Test func corpusIsPresent() {
        #expect(SampleCorpus.applications().count == 21)
    }

    @Test(arguments: SampleCorpus.applications())
    func readsOrRefuses(_ sample: SampleCorpus.Application) throws {
        let bytes = try SampleCorpus.bytes(sample.file)
        let name = String(sample.file.split(separator: "/").last ?? "")
        let unreadable: Set<String> = ["unsupported_format", "encrypted_or_corrupt", "too_large", "unsafe_archive"]
        if let kind = sample.errorKind, unreadable.contains(kind) {
            let error = #expect(throws: DocumentError.self) {
                try DocumentReader.read(bytes: bytes, fileName: name)
            }
            #expect(error?.kind.rawValue == kind, "\(error?.description ?? "no error")")
            return
        }
        let document = try DocumentReader.read(bytes: bytes, fileName: name)
        #expect(document.format.rawValue == sample.format)
        if sample.errorKind == nil {
            // The application table exists; every name and e-mail of the oracle's rows is a
            // cell's text (after the README's whitespace rule), and every row the oracle reports
            // a problem on exists under that number.
            let visible = document.tables.filter { !$0.isHidden }
            let texts = Set(visible.flatMap { $0.rows.flatMap { $0.cells.compactMap { Self.normalized($0.value) } } })
            for expected in sample.names { #expect(texts.contains(expected), "\(name): no cell holds \(expected)") }
            let lowered = Set(texts.map { $0.lowercased() })
            for email in sample.emails { #expect(lowered.contains(email), "\(name): no cell holds \(email)") }
            let numbers = Set(visible.flatMap { $0.rows.map(\.number) })
            for number in sample.invalidRowNumbers { #expect(numbers.contains(number), "\(name): no row \(number)") }
            #expect(!sample.names.isEmpty)
        }
        if ProcessInfo.processInfo.environment["DUMP_TABLES"] != nil {
            for table in document.tables {
                print("=== \(name) / \(table.name) hidden=\(table.isHidden)")
                for row in table.rows { print(row.number, row.cells.map { "\($0.value)\($0.isMergedCopy ? "*" : "")" }) }
            }
        }
    }

    /// A text cell as the README's rule gives it: trimmed (no-break spaces too), inner runs of
    /// whitespace collapsed to one space.
    static func normalized(_ value: CellValue) -> String? {
        guard case .text(let text) = value else { return nil }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
