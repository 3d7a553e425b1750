import Foundation
import Testing
@testable import Store

/// The console's reads at a big university's size (issue 17): the store's fingerprint sees every
/// kind of write, and the cached reads answer what the files say.
@Suite struct StoreReadCacheTests {
    @Test func theFingerprintChangesWithEveryKindOfWrite() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let t0 = Date(timeIntervalSince1970: 1_780_000_000)
        try store.journal.append(JournalEvent(at: t0, event: .poll))
        let first = store.fingerprint()
        #expect(store.fingerprint() == first)

        // A JSON Lines file grows in place.
        try store.journal.append(JournalEvent(at: t0 + 1, event: .poll))
        let appended = store.fingerprint()
        #expect(appended != first)

        // A whole-file write is a rename into a folder.
        try store.outbox.enqueue(messageID: "<r1@cpdbot>", purpose: "p", recipients: ["a@kazguu.kz"], subject: nil,
                                 raw: Data("raw".utf8), now: t0)
        let queued = store.fingerprint()
        #expect(queued != appended)
        try store.outbox.markSent(messageID: "r1@cpdbot", at: t0 + 2)
        #expect(store.fingerprint() != queued)

        // A new folder, and a file in it.
        let before = store.fingerprint()
        try store.applications.replace(unit: "Кафедра", cycle: "2026-2027", rows: [], now: t0)
        #expect(store.fingerprint() != before)
    }

    @Test func cachedReadsFollowTheFilesAsTheyChange() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let t0 = Date(timeIntervalSince1970: 1_780_000_000)
        try store.journal.append(JournalEvent(at: t0, event: .received, messageID: "a@x", from: "a@kazguu.kz", sha256: "aa"))
        let (events, queued) = try store.withReadCache { (try store.journal.events().events, try store.outbox.all()) }
        #expect(events.map(\.messageID) == ["a@x"])
        #expect(queued.isEmpty)
        try store.journal.append(JournalEvent(at: t0 + 1, event: .routed, messageID: "a@x", outcome: "processed"))
        try store.outbox.enqueue(messageID: "<r1@cpdbot>", purpose: "p", recipients: ["a@kazguu.kz"], subject: nil,
                                 raw: Data("raw".utf8), now: t0)
        // A line being written (no newline yet) counts for this answer only.
        let handle = try FileHandle(forWritingTo: store.journal.url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"at":"2026-05-28T20:26:42Z","event":"poll"}"#.utf8))
        try handle.close()
        let (now, summary, outbox) = try store.withReadCache {
            (try store.journal.events(), try store.journal.summary(), try store.outbox.all())
        }
        #expect(now.events.map(\.event) == [.received, .routed, .poll])
        #expect(now.skippedLines == 0)
        #expect(summary.outcomes == ["processed": 1])
        #expect(outbox.map(\.messageID) == ["r1@cpdbot"])
        // The same as reading the whole file without the cache.
        #expect(now.events == (try store.journal.events().events))
    }
}
