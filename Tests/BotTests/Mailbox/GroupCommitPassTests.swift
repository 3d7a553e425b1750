import Foundation
import Intake
import Mail
@testable import Store
import Testing
import TestSupport
@testable import Bot

/// The group commit's promise in a real pass over the in-process mail fakes: the store's
/// writes for a chunk of messages are flushed together, and nothing is acknowledged outside
/// the store (an IMAP move out of INBOX) while a write of the batch is still unflushed. The
/// outbox commits a batch's in-flight marks before its first byte and its outcomes after the
/// server's last answer, removing the marks only then. Mailboxes staff1474–1477 (in memory only).
@Suite struct GroupCommitPassTests {
    /// Forwards to the fake and notes, at every move, what the thread's batch still holds.
    final class CheckingIMAP: MailboxSession {
        let inner: InMemoryMailServer.IMAPSession
        private(set) var movesOutOfInbox = 0
        private(set) var unflushedAtMove: [Int] = []
        private var selected = ""

        init(_ inner: InMemoryMailServer.IMAPSession) {
            self.inner = inner
        }

        func select(_ mailbox: String, readOnly: Bool) throws -> MailboxStatus {
            selected = mailbox
            return try inner.select(mailbox, readOnly: readOnly)
        }
        func createIfMissing(_ mailbox: String) throws { try inner.createIfMissing(mailbox) }
        func searchUIDs(_ criteria: String) throws -> [UInt32] { try inner.searchUIDs(criteria) }
        func searchUIDs(header field: String, value: String) throws -> [UInt32] { try inner.searchUIDs(header: field, value: value) }
        func fetch(uids: [UInt32], into sink: (FetchedMessage) throws -> Void) throws { try inner.fetch(uids: uids, into: sink) }
        func delete(uids: [UInt32]) throws { try inner.delete(uids: uids) }

        func move(uids: [UInt32], to mailbox: String) throws {
            if selected == "INBOX" {
                movesOutOfInbox += uids.count
                let pending = GroupCommit.current?.pending
                unflushedAtMove.append((pending?.files ?? 0) + (pending?.directories ?? 0))
            }
            try inner.move(uids: uids, to: mailbox)
        }
    }

    /// Forwards to the fake and notes, at each send, whether the message's in-flight mark is
    /// durable, and, once the server answered for the last message, what a power cut would
    /// find: the marks still there, the outcomes not yet flushed.
    final class CheckingSMTP: MessageSubmission {
        let inner: InMemoryMailServer.SMTPSession
        let marks: InFlightMarks
        private(set) var markDurableAtSend: [Bool] = []
        private(set) var marksAfterLastAnswer: [Bool] = []
        private(set) var unflushedAfterLastAnswer: [Int] = []

        init(_ inner: InMemoryMailServer.SMTPSession, marks: InFlightMarks) {
            self.inner = inner
            self.marks = marks
        }

        func send(_ messages: [SMTPMessage], willSend: (Int) throws -> Void,
                  didSend: (Int, Result<SendReport, MailError>) throws -> Void) throws {
            let marks = marks
            let ids = messages.map { message in
                let id = InMemoryMailServer.header("Message-ID", in: message.data) ?? "?"
                return String(id.drop(while: { $0 == "<" }).prefix(while: { $0 != ">" }))
            }
            try inner.send(messages, willSend: { index in
                try willSend(index)
                let batch = GroupCommit.current
                let file = marks.file(holding: ids[index])
                markDurableAtSend.append(file != nil
                    && batch?.isHolding(file!.path) != true && batch?.isHolding(marks.directory.path) != true)
            }, didSend: didSend)
            marksAfterLastAnswer += ids.map { marks.markedAt($0) != nil }
            unflushedAfterLastAnswer.append(GroupCommit.current?.pending.files ?? 0)
        }
    }

    @Test func nothingLeavesTheStoreUnflushedBeforeAMoveOrASend() throws {
        let bot = try InProcessBot(firstMailbox: 1474)
        bot.deliverApplications(1...7)
        var handler = MessageHandler(environment: bot.environment, renderer: bot.renderer)
        // After each message is journalled as routed, what its batch has not flushed yet.
        let held = HeldCounts()
        handler.afterStep = { step in
            if step == .routed { held.add(GroupCommit.current?.pending.files ?? 0) }
        }
        let imap = CheckingIMAP(bot.server.imapSession())
        var pass = MailboxPass(environment: bot.environment, handler: handler)
        pass.chunkSize = 3  // three chunks, three commits
        let summary = try pass.run(imap: imap, shouldStop: { false })
        #expect(summary.outcomes[.processed] == 7)

        // The batch defers: a handled message's files wait for the chunk's commit…
        #expect(held.values.count == 7)
        #expect(held.values.contains { $0 > 0 }, "no write was ever held for the commit: \(held.values)")
        // …and the commit comes before the move: every move found the batch flushed.
        #expect(imap.movesOutOfInbox == 7)
        #expect(!imap.unflushedAtMove.isEmpty && imap.unflushedAtMove.allSatisfy { $0 == 0 }, "\(imap.unflushedAtMove)")

        var sender = OutboxSender(environment: bot.environment,
                                  replies: ReplyWriter(environment: bot.environment, renderer: bot.renderer),
                                  folders: handler.folders)
        sender.inFlightGrace = 0
        let marks = bot.store.outbox.inFlight
        let smtp = CheckingSMTP(bot.server.smtpSession(), marks: marks)
        let sent = try sender.flush(smtp: smtp, imap: imap)
        #expect(sent.sent == 7)
        // Every message's mark was on disk, flushed, before its first byte went out…
        #expect(smtp.markDurableAtSend.count == 7 && smtp.markDurableAtSend.allSatisfy { $0 }, "\(smtp.markDurableAtSend)")
        // …and while the batch's outcomes waited for their one commit, every mark was still
        // there: a power cut then leaves marks, so the retry looks for the copies first.
        #expect(smtp.marksAfterLastAnswer.count == 7 && smtp.marksAfterLastAnswer.allSatisfy { $0 }, "\(smtp.marksAfterLastAnswer)")
        #expect(smtp.unflushedAfterLastAnswer.allSatisfy { $0 > 0 }, "the outcomes are committed together: \(smtp.unflushedAfterLastAnswer)")
        // Once the outcomes are durable, the marks go.
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: marks.directory.path)) ?? []).isEmpty)
        #expect(try bot.store.outbox.all().allSatisfy { if case .sent = $0.state { true } else { false } })
        #expect(GroupCommit.current == nil, "the pass's batch ended with the pass")
    }

    /// A message's "routed" line says it needs no handling again (a killed process only moves
    /// it): so it may reach the journal only after the message's receipt is in the outbox.
    /// Receipts are rendered on the reading threads and queued before each chunk's commit, the
    /// routed lines right after them (`ReplyPipeline`).
    @Test func noMessageIsJournalledAsRoutedBeforeItsReceiptIsQueued() throws {
        let bot = try InProcessBot(firstMailbox: 1474)
        bot.deliverApplications(1...7)
        var handler = MessageHandler(environment: bot.environment, renderer: bot.renderer)
        let store = bot.store
        let violations = HeldCounts()
        let checks = HeldCounts()
        handler.afterStep = { step in
            guard step == .routed else { return }
            let events = try store.journal.events().events
            let purposes = Set(try store.outbox.all().map(\.purpose))
            for event in events where event.event == .routed {
                guard let hash = event.sha256 else { continue }
                if !purposes.contains("reply-receipt:\(hash)") { violations.add(1) }
            }
            checks.add(events.filter { $0.event == .routed }.count)
        }
        var pass = MailboxPass(environment: bot.environment, handler: handler)
        pass.chunkSize = 3
        let summary = try pass.run(imap: CheckingIMAP(bot.server.imapSession()), shouldStop: { false })
        #expect(summary.outcomes[.processed] == 7)
        #expect(violations.values.isEmpty, "routed before its receipt was queued: \(violations.values.count)")
        // The lines wait for their chunk: within a chunk of three, the journal lags behind.
        #expect(checks.values.count == 7 && checks.values != Array(1...7), "\(checks.values)")
        let routed = try store.journal.events().events.filter { $0.event == .routed }.compactMap(\.sha256)
        #expect(Set(routed).count == 7)
        #expect(try store.outbox.all().filter { $0.purpose.hasPrefix("reply-receipt:") }.count == 7)
    }

    /// What the handler's hook saw (the hook is a closure the handler keeps).
    final class HeldCounts: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [Int] = []
        var values: [Int] { lock.withLock { counts } }
        func add(_ count: Int) { lock.withLock { counts.append(count) } }
    }
}
