import Foundation
import Intake
import Logging
import Mail
import Store

/// One pass over the mailbox: every message still in INBOX is unhandled, whatever its flags.
/// Each is fetched with BODY.PEEK[] (nothing changes on the server), kept in the store (fsync),
/// handled, journalled, and only then moved to the folder of its outcome. A crash anywhere in
/// between leaves the message in INBOX, and handling it again is idempotent.
struct MailboxPass {
    struct Summary: Sendable, Equatable {
        var seen = 0
        var outcomes: [RoutingOutcome: Int] = [:]
        /// The bot's own copies filed into Sent (or removed, where the server keeps its own).
        var sentCopies = 0
        var handled: Int { outcomes.values.reduce(0, +) + sentCopies }
    }

    let environment: BotEnvironment
    let handler: MessageHandler
    /// Messages fetched per command, and about as many moved per round trip: the work redone
    /// after a crash is at most about one chunk.
    var chunkSize = 50
    /// At most this many fetched bytes wait to be read at once.
    var readAheadBytes = 8 << 20
    /// Messages read ahead at once (on worker threads, while the pass handles earlier ones):
    /// enough to keep two cores busy while holding only a few readings (spreadsheets included)
    /// in memory.
    var readAhead = 2 * max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))

    /// glibc's malloc_trim(3), looked up by name (Swift's Glibc module leaves out malloc.h);
    /// nil elsewhere.
    private static let releaseFreeMemory: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()

    /// The server's folders; `handler.folders` is the same.
    var folders: MailFolders { handler.folders }

    /// Runs the pass. `shouldStop` is asked between messages (SIGTERM finishes the message in hand).
    func run(imap: some MailboxSession, shouldStop: () -> Bool) throws -> Summary {
        let mailbox = folders.inbox
        var context = try handler.beginPass()
        // Replies are rendered on the reading threads and queued before each chunk's commit.
        let replies = ReplyPipeline(writer: handler.replies)
        context.deferredReplies = replies
        if context.isRouting, !context.held.isEmpty {
            _ = try HeldMessages.release(context.held, imap: imap, from: folders.processed, inbox: mailbox,
                                         logger: environment.logger)
        }
        let status = try imap.select(mailbox)
        var state = try environment.store.mailbox.load(mailbox: mailbox)
        if let known = state.uidValidity, known != status.uidValidity {
            // UIDs were renumbered: the store recognises handled messages by content hash.
            environment.logger.warning("UIDVALIDITY of \(mailbox) changed from \(known) to \(status.uidValidity); rescanning")
        }
        state = state.adopting(uidValidity: status.uidValidity)
        for folder in folders.targets {
            try imap.createIfMissing(folder)
        }
        // Where the server files its own copy of everything sent, the bot's copies (from the
        // time before `auto` learned it) would be second copies: they are removed instead.
        let serverKeepsCopies = folders.serverSavesSent == true
        var summary = Summary()
        let uids = try imap.searchUIDs("ALL")
        summary.seen = uids.count
        // Reading (MIME, spreadsheets) is pure and most of the work: worker threads read the
        // next messages while this thread handles the ones read before, one by one in UID order.
        // The window is cut by count and by bytes, so large messages never sit in memory at once.
        // It runs on across chunks: a chunk's last messages are handled while the next chunk
        // arrives, so the cores do not wait for each chunk's sync and round trips.
        let reader = ReadAhead(window: readAhead, maxBytes: readAheadBytes, limits: handler.limits,
                                   ownAddress: handler.ownAddress)
        defer { reader.discard() }
        var handled: [String: [UInt32]] = [:]
        var discarded: [UInt32] = []
        var failure: (any Error)?
        func handle(_ prepared: MessageHandler.Prepared) {
            guard failure == nil, !shouldStop() else { return }
            do {
                let disposition = try handler.handle(prepared, context: &context)
                if let outcome = disposition.outcome {
                    handled[folders.folder(for: outcome), default: []].append(prepared.fetched.uid)
                } else if serverKeepsCopies {
                    discarded.append(prepared.fetched.uid)
                } else {
                    handled[folders.sent, default: []].append(prepared.fetched.uid)
                }
                if let outcome = disposition.outcome {
                    summary.outcomes[outcome, default: 0] += 1
                } else {
                    summary.sentCopies += 1
                }
            } catch {
                // The store could not take the message: leave it (and the rest) in INBOX.
                failure = error
            }
        }
        // Group commit: the store's files written on this thread reach the disk together before
        // any message handled since the last commit leaves INBOX. Only what was handled before
        // the commit moves.
        let batch = GroupCommit.begin()
        defer { batch.end() }
        func commitAndMove() throws {
            try replies.queueAll(in: batch)
            try batch.commit()
            let moves = handled
            let removals = discarded
            handled = [:]
            discarded = []
            for (folder, uids) in moves.sorted(by: { $0.key < $1.key }) {
                try imap.move(uids: uids, to: folder)
            }
            if !removals.isEmpty { try imap.delete(uids: removals) }
            // The chunk's readings and replies are freed by now: their pages go back to the
            // system, so the peak is about one chunk's memory, not the fragments of every chunk.
            _ = Self.releaseFreeMemory?(0)
            if let last = (moves.values.flatMap({ $0 }) + removals).max() {
                state.lastUID = max(state.lastUID ?? 0, last)
            }
        }
        var start = 0
        while start < uids.count, failure == nil, !shouldStop() {
            let chunk = Array(uids[start..<min(start + chunkSize, uids.count)])
            start += chunk.count
            do {
                try imap.fetch(uids: chunk) { message in
                    guard failure == nil, !shouldStop() else { return }
                    reader.submit(message, fetchedAt: environment.now())
                    // What is read already is handled now; a full window waits for its oldest.
                    while failure == nil, let prepared = reader.isFull ? reader.next() : reader.ready() {
                        handle(prepared)
                    }
                }
            } catch {
                // What arrived before the error is handled and moved; the error is raised after.
                failure = failure ?? error
            }
            if start >= uids.count || failure != nil || shouldStop() {
                while failure == nil, !shouldStop(), let prepared = reader.next() { handle(prepared) }
            }
            // Move what was handled even when something failed after it.
            try commitAndMove()
        }
        if let failure { throw failure }
        state.lastPollAt = environment.now()
        state.lastError = nil
        try environment.store.mailbox.save(state, mailbox: mailbox)
        try environment.store.journal.append(JournalEvent(
            at: environment.now(), event: .poll,
            detail: "\(summary.handled) of \(summary.seen) message(s) handled"))
        return summary
    }
}
