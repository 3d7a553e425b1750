import Foundation
import Testing
@testable import Store

/// Issue 19: on ext4 without a journal every inode freed in the last half minute slows the next
/// file's creation, so the store creates and frees fewer files per mail – with the same
/// meaning as before: in-flight marks a batch at a time, sent states a batch at a time, a
/// unit's application written once per commit however often a chunk replaces it.
@Suite struct InodeChurnTests {
    let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    private func names(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func aBatchIsMarkedInFlightWithOneFileAndClearedAsItsMessagesAreAnswered() throws {
        let dir = try TemporaryDirectory()
        let marks = try dir.store().outbox.inFlight
        let ids = (0..<5).map { "m\($0)@cpdbot" }
        let file = try #require(try marks.mark(batch: ids))
        #expect(names(marks.directory).count == 1)
        for id in ids { #expect(marks.markedAt(id) != nil) }
        #expect(marks.markedAt("other@cpdbot") == nil)
        #expect(marks.file(holding: "m3@cpdbot") == file)

        // Three answered: the other two keep their marks, with the time they were started.
        let startedAt = Date(timeIntervalSince1970: 1_700_000_000)
        try FileManager.default.setAttributes([.modificationDate: startedAt], ofItemAtPath: file.path)
        marks.clear(Array(ids[0..<3]), in: file)
        #expect(ids[0..<3].allSatisfy { marks.markedAt($0) == nil })
        #expect(marks.markedAt("m3@cpdbot") == startedAt && marks.markedAt("m4@cpdbot") == startedAt)
        // Cleared one by one (a copy found after a crash): the file goes with its last mark.
        marks.clear("m3@cpdbot")
        marks.clear("m4@cpdbot")
        #expect(names(marks.directory).isEmpty)
    }

    @Test func aMarkOfOneMessageAsEarlierVersionsWroteItIsStillAMark() throws {
        let dir = try TemporaryDirectory()
        let marks = try dir.store().outbox.inFlight
        try marks.mark("old@cpdbot")
        #expect(FileManager.default.fileExists(atPath: marks.url("old@cpdbot").path))
        #expect(marks.markedAt("old@cpdbot") != nil)
        marks.clear(["old@cpdbot"])
        #expect(marks.markedAt("old@cpdbot") == nil)
    }

    @Test func entriesMarkedSentTogetherKeepTheirFilesAndReadAsSent() throws {
        let dir = try TemporaryDirectory()
        let outbox = try dir.store().outbox
        var entries: [OutboxEntry] = []
        for n in 0..<3 {
            entries.append(try outbox.enqueue(messageID: "s\(n)@cpdbot", purpose: "p\(n)", recipients: ["a@b.kz"], subject: nil,
                                              raw: Data("m\(n)".utf8), now: t0))
        }
        let before = try FileManager.default.attributesOfItem(atPath: outbox.directory.appendingPathComponent(
            names(outbox.directory).first { $0.hasSuffix(".json") }!).path)[.systemFileNumber] as? Int
        try outbox.markSent(batch: [(entries[0], t0 + 1), (entries[2], t0 + 2)])
        #expect(try outbox.entry(messageID: "s0@cpdbot")?.state == .sent(at: t0 + 1))
        #expect(try outbox.entry(messageID: "s1@cpdbot")?.state == .queued)
        #expect(try outbox.entry(messageID: "s2@cpdbot")?.updatedAt == t0 + 2)
        #expect(try outbox.pending(now: t0 + 3).map(\.messageID) == ["s1@cpdbot"])
        #expect(names(outbox.directory.appendingPathComponent("sent")).count == 1)
        let after = try FileManager.default.attributesOfItem(atPath: outbox.directory.appendingPathComponent(
            names(outbox.directory).first { $0.hasSuffix(".json") }!).path)[.systemFileNumber] as? Int
        #expect(before == after, "the entries' own files are not rewritten")
    }

    @Test func aChangeAfterABatchMarkedItSentWinsEvenAtTheSameMoment() throws {
        let dir = try TemporaryDirectory()
        let outbox = try dir.store().outbox
        let entry = try outbox.enqueue(messageID: "r@cpdbot", purpose: "p", recipients: ["a@b.kz"], subject: nil,
                                       raw: Data("m".utf8), now: t0)
        try outbox.markSent(batch: [(entry, t0)])
        // Returned later (a DSN), at the same clock reading: failed for good, not sent.
        #expect(try outbox.markReturned(messageID: "r@cpdbot", reason: "returned", now: t0))
        #expect(try outbox.entry(messageID: "r@cpdbot")?.state == .failedPermanent(attempts: 1, reason: "returned"))
        // DSHR asks again: queued, and the old batch's record does not make it sent.
        #expect(try outbox.requeueFailed(messageID: "r@cpdbot", now: t0))
        let requeued = try #require(try outbox.entry(messageID: "r@cpdbot"))
        #expect(requeued.state == .queued)
        #expect(try outbox.all().map(\.state) == [.queued])
        // Sent again: the new batch's record holds for this revision.
        try outbox.markSent(batch: [(requeued, t0 + 9)])
        #expect(try outbox.entry(messageID: "r@cpdbot")?.state == .sent(at: t0 + 9))
    }

    @Test func batchesOfRemovedEntriesArePruned() throws {
        let dir = try TemporaryDirectory()
        let outbox = try dir.store().outbox
        let a = try outbox.enqueue(messageID: "a@cpdbot", purpose: "p", recipients: ["a@b.kz"], subject: nil, raw: Data("a".utf8), now: t0)
        let b = try outbox.enqueue(messageID: "b@cpdbot", purpose: "p", recipients: ["a@b.kz"], subject: nil, raw: Data("b".utf8), now: t0)
        try outbox.markSent(batch: [(a, t0)])
        try outbox.markSent(batch: [(b, t0)])
        try outbox.remove(messageID: "a@cpdbot")
        #expect(try outbox.pruneSentRecords() == 1)
        #expect(try outbox.entry(messageID: "b@cpdbot")?.state == .sent(at: t0))
        #expect(names(outbox.directory.appendingPathComponent("sent")).count == 1)
    }

    @Test func aDeferredReplacementIsReadOnItsThreadAndWrittenOnceAtTheCommit() throws {
        let dir = try TemporaryDirectory()
        let target = dir.url.appendingPathComponent("unit.json")
        let fresh = dir.url.appendingPathComponent("new.json")
        try AtomicFile.write(Data("stored".utf8), to: target)
        let inode = { (try? FileManager.default.attributesOfItem(atPath: target.path)[.systemFileNumber] as? Int) ?? nil }
        let first = inode()
        let batch = GroupCommit.begin()
        defer { batch.end() }
        for n in 0..<4 {
            try AtomicFile.write(Data("version \(n)".utf8), to: target, deferrable: true)
        }
        // A file that does not exist yet is written at once: listings see it.
        try AtomicFile.write(Data("new".utf8), to: fresh, deferrable: true)
        #expect(FileManager.default.fileExists(atPath: fresh.path))
        // This thread reads the newest version; the disk (and other threads) still has the old one.
        #expect(try POSIX.readIfExists(target) == Data("version 3".utf8))
        #expect(try Data(contentsOf: target) == Data("stored".utf8))
        #expect(inode() == first)
        // (A thread of its own: `DispatchQueue.sync` would run the read on this one.)
        let elsewhere = OtherThreadRead()
        let done = DispatchSemaphore(value: 0)
        let reader = Thread {
            elsewhere.data = try? POSIX.readIfExists(target)
            done.signal()
        }
        reader.start()
        done.wait()
        #expect(elsewhere.data == Data("stored".utf8))
        try batch.commit()
        #expect(try Data(contentsOf: target) == Data("version 3".utf8))
        #expect(inode() != first)
        #expect(names(dir.url) == ["new.json", "unit.json"], "one write, no temp file left")
    }
}

/// What a read on another thread found.
private final class OtherThreadRead: @unchecked Sendable {
    var data: Data?
}
