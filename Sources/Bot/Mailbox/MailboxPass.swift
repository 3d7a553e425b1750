import Foundation
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
        var handled: Int { outcomes.values.reduce(0, +) }
    }

    let environment: BotEnvironment
    let handler: MessageHandler
    /// Messages moved per round trip: the work redone after a crash is at most one chunk.
    var chunkSize = 50

    /// Runs the pass. `shouldStop` is asked between messages (SIGTERM finishes the message in hand).
    func run(imap: IMAPClient, shouldStop: () -> Bool) throws -> Summary {
        let mailbox = environment.configuration.imap.mailbox
        let status = try imap.select(mailbox)
        var state = try environment.store.mailbox.load(mailbox: mailbox)
        if let known = state.uidValidity, known != status.uidValidity {
            // UIDs were renumbered: the store recognises handled messages by content hash.
            environment.logger.warning("UIDVALIDITY of \(mailbox) changed from \(known) to \(status.uidValidity); rescanning")
        }
        state = state.adopting(uidValidity: status.uidValidity)
        for outcome in RoutingOutcome.allCases {
            try imap.createIfMissing(outcome.folder)
        }
        var summary = Summary()
        let uids = try imap.searchUIDs("ALL")
        summary.seen = uids.count
        var context = try handler.beginPass()
        var start = 0
        while start < uids.count, !shouldStop() {
            let chunk = Array(uids[start..<min(start + chunkSize, uids.count)])
            start += chunk.count
            var moves: [String: [UInt32]] = [:]
            var failure: (any Error)?
            do {
                try imap.fetch(uids: chunk) { fetched in
                    guard failure == nil, !shouldStop() else { return }
                    do {
                        let outcome = try handler.handle(fetched, context: &context)
                        moves[outcome.folder, default: []].append(fetched.uid)
                        summary.outcomes[outcome, default: 0] += 1
                    } catch {
                        // The store could not take the message: leave it (and the rest) in INBOX.
                        failure = error
                    }
                }
            } catch {
                failure = failure ?? error
            }
            // Move what was handled even when something failed after it.
            for (folder, handled) in moves.sorted(by: { $0.key < $1.key }) {
                try imap.move(uids: handled, to: folder)
            }
            if let handled = moves.values.flatMap({ $0 }).max() {
                state.lastUID = max(state.lastUID ?? 0, handled)
            }
            if let failure { throw failure }
        }
        state.lastPollAt = environment.now()
        state.lastError = nil
        try environment.store.mailbox.save(state, mailbox: mailbox)
        try environment.store.journal.append(JournalEvent(
            at: environment.now(), event: .poll,
            detail: "\(summary.handled) of \(summary.seen) message(s) handled"))
        return summary
    }
}
