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
            // The application table exists and has rows that hold text.
            let filled = document.tables.filter { !$0.isHidden && $0.rows.count >= 3 }
            #expect(!filled.isEmpty, "no table with rows in \(name)")
        }
        if ProcessInfo.processInfo.environment["DUMP_TABLES"] != nil {
            for table in document.tables {
                print("=== \(name) / \(table.name) hidden=\(table.isHidden)")
                for row in table.rows { print(row.number, row.cells.map { "\($0.value)\($0.isMergedCopy ? "*" : "")" }) }
            }
        }
    }
}
