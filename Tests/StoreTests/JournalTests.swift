import Foundation
import Testing
@testable import Store

@Suite struct JournalTests {
    @Test func appendedEventsReadBackInOrderAndSummarise() throws {
        let dir = try TemporaryDirectory()
        let journal = try dir.store().journal
        let t0 = Date(timeIntervalSince1970: 1_780_000_000)
        try journal.append(JournalEvent(at: t0, event: .received, messageID: "a@x", uid: 7, from: "head@kazguu.kz", sha256: "aa"))
        try journal.append(JournalEvent(at: t0, event: .routed, messageID: "a@x", uid: 7, outcome: "processed", folder: "Processed", sha256: "aa"))
        try journal.append(JournalEvent(at: t0 + 1, event: .routed, messageID: "b@x", outcome: "ignored", folder: "Ignored", sha256: "bb"))
        try journal.append(JournalEvent(at: t0 + 2, event: .sendFailed, messageID: "r@x", detail: "SMTP 451 try later"))
        try journal.append(JournalEvent(at: t0 + 3, event: .poll))

        let (events, skipped) = try journal.events()
        #expect(skipped == 0)
        #expect(events.map(\.event) == [.received, .routed, .routed, .sendFailed, .poll])
        #expect(events[0].uid == 7)

        let summary = try journal.summary()
        #expect(summary.outcomes == ["processed": 1, "ignored": 1])
        #expect(summary.events["routed"] == 2)
        #expect(summary.lastPoll == t0 + 3)
        #expect(summary.lastError?.detail == "SMTP 451 try later")
        #expect(try journal.routedContentHashes() == ["aa", "bb"])
    }

    @Test func linesUseTheDocumentedKeys() throws {
        let dir = try TemporaryDirectory()
        let journal = try dir.store().journal
        try journal.append(JournalEvent(event: .routed, messageID: "m@x", uid: 3, outcome: "rejected", folder: "Rejected", from: "a@b.kz", detail: "d"))
        let text = try String(contentsOf: journal.url, encoding: .utf8)
        for key in ["\"at\"", "\"event\":\"routed\"", "\"message_id\":\"m@x\"", "\"uid\":3", "\"outcome\":\"rejected\"", "\"folder\":\"Rejected\"", "\"from\":\"a@b.kz\"", "\"detail\":\"d\""] {
            #expect(text.contains(key), "\(key)")
        }
        #expect(text.hasSuffix("\n"))
        #expect(try TemporaryDirectory.mode(journal.url.path) == 0o600)
    }

    @Test func aHalfWrittenLineIsSkippedAndTheNextAppendStartsFresh() throws {
        let dir = try TemporaryDirectory()
        let journal = try dir.store().journal
        try journal.append(JournalEvent(event: .poll))
        // A crash in the middle of a write leaves a line without its end.
        let handle = try FileHandle(forWritingTo: journal.url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"at\":\"2026-05-".utf8))
        try handle.close()
        try journal.append(JournalEvent(event: .sent, messageID: "after@x"))
        let (events, skipped) = try journal.events()
        #expect(skipped == 1)
        #expect(events.map(\.event) == [.poll, .sent])
    }

    @Test(arguments: [
        ("IMAP said: A1 LOGIN bot@kazguu.kz s3cr3t-pass", "s3cr3t-pass"),
        ("config password=hunter2 rejected", "hunter2"),
        ("url imaps://bot:topsecret@127.0.0.1:993/INBOX failed", "topsecret"),
        ("AUTHENTICATE PLAIN AGJvdABzM2NyM3Q=", "AGJvdABzM2NyM3Q="),
        ("pass: \"with space\"", "with space"),
    ])
    func credentialsNeverReachTheJournal(detail: String, secret: String) throws {
        let dir = try TemporaryDirectory()
        let journal = try dir.store().journal
        try journal.append(JournalEvent(event: .error, detail: detail))
        let text = try String(contentsOf: journal.url, encoding: .utf8)
        #expect(!text.contains(secret))
        #expect(text.contains("[redacted]"))
    }

    @Test func ordinaryTextIsLeftAlone() {
        let text = "could not connect to 127.0.0.1:10993: connection refused (password not sent)"
        #expect(CredentialRedactor.redact(text) == text)
    }
}
