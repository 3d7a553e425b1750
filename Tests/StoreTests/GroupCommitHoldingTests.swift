import Foundation
import Testing
@testable import Store

/// Issue 19: what a batch holds for its commit. A file appended to many times in a chunk (the
/// journal) is one inode and held once; a file replaced many times (a unit's application) is
/// held per version, and the commit flushes only the version still linked – with the newest
/// content in place either way.
@Suite struct GroupCommitHoldingTests {
    @Test func appendsToOneFileAreHeldOnce() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let batch = GroupCommit.begin()
        defer { batch.end() }
        for n in 0..<5 {
            try store.journal.append(JournalEvent(at: Date(), event: .poll, detail: "line \(n)"))
        }
        #expect(batch.pending.files == 1, "five appends, one journal: \(batch.pending)")
        #expect(batch.isHolding(store.journal.url.path))
        try batch.commit()
        #expect(batch.pending.files == 0)
        #expect(try store.journal.events().events.count == 5)
    }

    @Test func aFileReplacedInTheBatchEndsWithItsNewestContent() throws {
        let dir = try TemporaryDirectory()
        let target = dir.url.appendingPathComponent("unit.json")
        let batch = GroupCommit.begin()
        defer { batch.end() }
        for n in 0..<4 {
            try AtomicFile.write(Data("version \(n)".utf8), to: target)
        }
        #expect(batch.isHolding(target.path))
        // The earlier versions are unlinked by the renames; the commit skips them and flushes
        // the one in place.
        try batch.commit()
        #expect(!batch.isHolding(target.path))
        #expect(try Data(contentsOf: target) == Data("version 3".utf8))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0 != "unit.json" }
        #expect(leftovers.isEmpty, "no temp file left: \(leftovers)")
    }
}
