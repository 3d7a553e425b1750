import Digest
import Foundation
import Testing
@testable import Store

@Suite struct MessageArchiveTests {
    let may = Date(timeIntervalSince1970: 1_778_580_000)  // 2026-05-12 UTC

    @Test func rawBytesAreKeptIdenticalUnderMonthAndHash() throws {
        let dir = try TemporaryDirectory()
        let archive = try dir.store().archive
        let raw = try Data(contentsOf: TemporaryDirectory.fixtures.appendingPathComponent("emails/01_outlook_reply_law_school.eml"))
        let result = try archive.store(raw: raw, messageID: " <abc@mail.kz> ", receivedAt: may)
        #expect(result.isNew)
        #expect(result.message.relativePath == "2026-05/\(SHA256.hexDigest(raw)).eml")
        #expect(result.message.messageID == "abc@mail.kz")
        #expect(try archive.raw(result.message) == raw)
        #expect(try archive.contains(sha256: SHA256.hexDigest(raw)))
        #expect(try !archive.contains(sha256: SHA256.hexDigest(Data("other".utf8))))
        let path = archive.directory.appendingPathComponent(result.message.relativePath).path
        #expect(try TemporaryDirectory.mode(path) == 0o600)
        #expect(try TemporaryDirectory.mode(archive.directory.appendingPathComponent("2026-05").path) == 0o700)
    }

    /// A hash worked out ahead (on the intake's reading threads) files the message where the
    /// archive's own hash would, and the same bytes are recognised either way.
    @Test func aHashGivenAheadFilesTheSameWay() throws {
        let dir = try TemporaryDirectory()
        let archive = try dir.store().archive
        let raw = Data("Message-ID: <ahead@x>\r\n\r\nbody\r\n".utf8)
        let ahead = try archive.store(raw: raw, messageID: nil, receivedAt: may, sha256: SHA256.hexDigest(raw))
        #expect(ahead.message.relativePath == "2026-05/\(SHA256.hexDigest(raw)).eml")
        #expect(try !archive.store(raw: raw, messageID: nil, receivedAt: may).isNew)
    }

    /// The server renumbers its UIDs (UIDVALIDITY changes): the bot starts over from UID 1, and
    /// the archive recognises every message it already has, also after a restart.
    @Test func rescanAfterUIDValidityChangeStoresNothingTwice() throws {
        let dir = try TemporaryDirectory()
        let messages = (1...3).map { Data("Message-ID: <m\($0)@x>\r\n\r\nbody \($0)\r\n".utf8) }
        var state = MailboxState().adopting(uidValidity: 100)
        let store = try dir.store()
        for (index, raw) in messages.enumerated() {
            #expect(try store.archive.store(raw: raw, messageID: "<m\(index + 1)@x>", receivedAt: may).isNew)
            state.lastUID = UInt32(index + 1)
        }
        try store.mailbox.save(state)

        // Restart, and the server now reports another UIDVALIDITY.
        let restarted = try dir.store()
        let resumed = try restarted.mailbox.load().adopting(uidValidity: 200)
        #expect(resumed.lastUID == nil)
        #expect(resumed.uidValidity == 200)
        for (index, raw) in messages.enumerated() {
            let again = try restarted.archive.store(raw: raw, messageID: "<m\(index + 1)@x>", receivedAt: may)
            #expect(!again.isNew)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: restarted.archive.directory.appendingPathComponent("2026-05").path)
        #expect(files.count == 3)
        let indexLines = try String(contentsOf: restarted.archive.directory.appendingPathComponent("index.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        #expect(indexLines.count == 3)
    }

    @Test func sameMessageIDWithOtherBytesIsKeptAndFlagged() throws {
        let dir = try TemporaryDirectory()
        let archive = try dir.store().archive
        let first = try archive.store(raw: Data("a".utf8), messageID: "<same@x>", receivedAt: may)
        let second = try archive.store(raw: Data("b".utf8), messageID: "same@x", receivedAt: may)
        #expect(second.isNew)
        #expect(second.earlierWithSameMessageID == first.message)
        #expect(try archive.message(withMessageID: "<same@x>") == first.message)
    }

    @Test func unchangedUIDValidityKeepsThePosition() {
        let state = MailboxState(uidValidity: 5, lastUID: 42)
        #expect(state.adopting(uidValidity: 5).lastUID == 42)
    }

    @Test func mailboxNamesNeverBecomePaths() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        try store.mailbox.save(MailboxState(uidValidity: 1, lastUID: 2), mailbox: "../../etc")
        #expect(try store.mailbox.load(mailbox: "../../etc").lastUID == 2)
        #expect(store.mailbox.url("../../etc").deletingLastPathComponent().path == store.mailbox.directory.path)
        #expect(try store.mailbox.load(mailbox: "INBOX") == MailboxState())
    }
}
