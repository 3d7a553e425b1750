import Foundation
import Testing
@testable import Store

@Suite struct OutboxTests {
    let t0 = Date(timeIntervalSince1970: 1_780_000_000)
    let raw = Data("Message-ID: <r1@cpdbot>\r\nSubject: receipt\r\n\r\nbody\r\n".utf8)

    @Test func queuedMessageIsPendingAndItsBytesAreKept() throws {
        let dir = try TemporaryDirectory()
        let outbox = try dir.store().outbox
        let entry = try outbox.enqueue(messageID: "<r1@cpdbot>", purpose: "receipt:in1", recipients: ["h@kazguu.kz"], subject: "receipt", raw: raw, now: t0)
        #expect(entry.messageID == "r1@cpdbot")
        #expect(entry.state == .queued)
        #expect(try outbox.pending(now: t0).map(\.messageID) == ["r1@cpdbot"])
        #expect(try outbox.raw(messageID: "<r1@cpdbot>") == raw)
    }

    @Test func enqueueTwiceKeepsTheFirstEntry() throws {
        let dir = try TemporaryDirectory()
        let outbox = try dir.store().outbox
        try outbox.enqueue(messageID: "r1@cpdbot", purpose: "p", recipients: ["a@b.kz"], subject: nil, raw: raw, now: t0)
        try outbox.markSent(messageID: "r1@cpdbot", at: t0 + 5)
        let again = try outbox.enqueue(messageID: "r1@cpdbot", purpose: "p", recipients: ["a@b.kz"], subject: nil, raw: Data("other".utf8), now: t0 + 10)
        #expect(again.state == .sent(at: t0 + 5))
        #expect(try outbox.raw(messageID: "r1@cpdbot") == raw)
        #expect(try outbox.all().count == 1)
    }

    @Test func aReturnedMessageFailsForGoodOnceAndCanBeRequeued() throws {
        let dir = try TemporaryDirectory()
        let outbox = try dir.store().outbox
        try outbox.enqueue(messageID: "r1@cpdbot", purpose: "p", recipients: ["a@b.kz"], subject: nil, raw: raw, now: t0)
        // Not sent yet: a notification cannot be about it.
        #expect(try outbox.markReturned(messageID: "r1@cpdbot", reason: "returned", now: t0) == false)
        #expect(try outbox.entry(messageID: "r1@cpdbot")?.state == .queued)
        try outbox.markSent(messageID: "r1@cpdbot", at: t0 + 5)
        #expect(try outbox.markReturned(messageID: "r1@cpdbot", reason: "returned", now: t0 + 60))
        #expect(try outbox.entry(messageID: "r1@cpdbot")?.state == .failedPermanent(attempts: 1, reason: "returned"))
        // The same notification read again changes nothing.
        #expect(try outbox.markReturned(messageID: "r1@cpdbot", reason: "returned", now: t0 + 70) == false)
        #expect(try outbox.requeueFailed(messageID: "r1@cpdbot", now: t0 + 80))
        #expect(try outbox.pending(now: t0 + 80).map(\.messageID) == ["r1@cpdbot"])
    }

    @Test func temporaryFailureWaitsThenRetriesThenBecomesPermanent() throws {
        let dir = try TemporaryDirectory()
        let outbox = try dir.store().outbox
        let policy = OutboxRetryPolicy(firstDelay: 60, maximumDelay: 600, maximumAttempts: 3)
        try outbox.enqueue(messageID: "r1@cpdbot", purpose: "p", recipients: ["a@b.kz"], subject: nil, raw: raw, now: t0)

        let first = try outbox.markFailed(messageID: "r1@cpdbot", reason: "451 later", permanent: false, now: t0, policy: policy)
        #expect(first.state == .failedTemporary(attempts: 1, nextAttemptAt: t0 + 60, reason: "451 later"))
        #expect(try outbox.pending(now: t0 + 59).isEmpty)
        #expect(try outbox.pending(now: t0 + 60).count == 1)

        let second = try outbox.markFailed(messageID: "r1@cpdbot", reason: "451 later", permanent: false, now: t0 + 60, policy: policy)
        #expect(second.state == .failedTemporary(attempts: 2, nextAttemptAt: t0 + 180, reason: "451 later"))

        let third = try outbox.markFailed(messageID: "r1@cpdbot", reason: "451 later", permanent: false, now: t0 + 180, policy: policy)
        #expect(third.state == .failedPermanent(attempts: 3, reason: "451 later"))
        #expect(try outbox.pending(now: t0 + 100_000).isEmpty)
    }

    @Test func permanentFailureAndSentAreFinal() throws {
        let dir = try TemporaryDirectory()
        let outbox = try dir.store().outbox
        try outbox.enqueue(messageID: "a@cpdbot", purpose: "p", recipients: ["a@b.kz"], subject: nil, raw: raw, now: t0)
        try outbox.enqueue(messageID: "b@cpdbot", purpose: "p", recipients: ["a@b.kz"], subject: nil, raw: raw, now: t0 + 1)
        try outbox.markFailed(messageID: "a@cpdbot", reason: "550 no such user", permanent: true, now: t0)
        try outbox.markSent(messageID: "b@cpdbot", at: t0 + 2)
        let late = try outbox.markFailed(messageID: "b@cpdbot", reason: "late", permanent: false, now: t0 + 3)
        #expect(late.state == .sent(at: t0 + 2))
        #expect(try outbox.pending(now: t0 + 10).isEmpty)
        #expect(try outbox.all().map(\.state.name) == ["failed", "sent"])
    }

    @Test func stateSurvivesAReopen() throws {
        let dir = try TemporaryDirectory()
        try dir.store().outbox.enqueue(messageID: "a/../b@cpdbot", purpose: "p", recipients: ["a@b.kz"], subject: "s", raw: raw, now: t0)
        try dir.store().outbox.markFailed(messageID: "a/../b@cpdbot", reason: "timeout", permanent: false, now: t0)
        let entry = try #require(try dir.store().outbox.entry(messageID: "a/../b@cpdbot"))
        #expect(entry.state.attempts == 1)
        #expect(entry.subject == "s")
        // Message-IDs never become paths: everything stays inside outbox/.
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.store().outbox.directory.path)
        #expect(names.count == 2 && names.allSatisfy { !$0.contains("/") && !$0.contains("..") })
    }

    @Test func unknownMessageIDIsNotFound() throws {
        let dir = try TemporaryDirectory()
        let outbox = try dir.store().outbox
        #expect(throws: StoreError.self) { try outbox.markSent(messageID: "missing@cpdbot") }
    }
}
