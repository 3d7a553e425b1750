#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import Store

/// The last failure of a poll survives where the journal cannot be written (a full disk).
@Suite struct FailureRecordTests {
    private func store() throws -> FileStore {
        try FileStore(root: FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-failure-\(UUID().uuidString)"))
    }

    @Test func aFailureIsKeptInAFileOfFixedSize() throws {
        let store = try store()
        let url = store.failure.url
        let size = { (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? -1 }
        #expect(size() == FailureRecord.size)
        #expect(store.failure.last() == nil)
        let at = Date(timeIntervalSince1970: 1_796_000_000)
        try store.failure.record("could not write journal.jsonl: No space left on device", at: at)
        #expect(store.failure.last() == FailureRecord.Failure(at: at, what: "could not write journal.jsonl: No space left on device"))
        // A long text is cut, never grows the file.
        try store.failure.record(String(repeating: "x", count: 20_000), at: at)
        #expect(size() == FailureRecord.size)
        #expect((store.failure.last()?.what.count ?? 0) < FailureRecord.size)
        let mode = (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? 0
        #expect(mode & 0o077 == 0)
    }

    @Test func outOfSpaceIsTold() {
        #expect(StoreError.io(operation: "write", path: "/x", errno: ENOSPC).isOutOfSpace)
        #expect(StoreError.io(operation: "write", path: "/x", errno: EDQUOT).isOutOfSpace)
        #expect(!StoreError.io(operation: "write", path: "/x", errno: EACCES).isOutOfSpace)
        #expect(!StoreError.locked(pid: 1, path: "/x").isOutOfSpace)
    }
}
