import Foundation
import Testing
@testable import Store

/// Issue 12: the group commit is a batch of the thread that began it, and it flushes the files
/// written (and their directories), not the whole machine.
@Suite struct GroupCommitTests {
    @Test func flushesWaitForTheCommitAndOnlyOnTheBatchsThread() throws {
        let dir = try TemporaryDirectory()
        let batch = GroupCommit.begin()
        defer { batch.end() }
        // Written to a temp file, renamed into place: the held descriptor still reaches it.
        try AtomicFile.write(Data("first".utf8), to: dir.url.appendingPathComponent("a.json"))
        #expect(batch.pending.files == 1)
        #expect(batch.pending.directories == 1)

        // Another thread's writes are not in this batch: they are flushed at once.
        let done = DispatchSemaphore(value: 0)
        let url = dir.url.appendingPathComponent("b.json")
        let other = Thread {
            try? AtomicFile.write(Data("other".utf8), to: url)
            done.signal()
        }
        other.start()
        done.wait()
        #expect(batch.pending.files == 1)
        #expect(try Data(contentsOf: url) == Data("other".utf8))

        try batch.commit()
        #expect(batch.pending.files == 0 && batch.pending.directories == 0)
        #expect(try Data(contentsOf: dir.url.appendingPathComponent("a.json")) == Data("first".utf8))
    }

    @Test func nestedBatchesShareOneAndTheOutermostEndLeavesTheThread() throws {
        let dir = try TemporaryDirectory()
        let outer = GroupCommit.begin()
        let inner = GroupCommit.begin()
        #expect(inner === outer)
        try AtomicFile.write(Data("x".utf8), to: dir.url.appendingPathComponent("x.json"))
        inner.end()
        #expect(GroupCommit.current === outer)
        #expect(outer.pending.files == 1)
        outer.end()
        #expect(outer.pending.files == 0)
        #expect(GroupCommit.current == nil)
    }
}
