import Dispatch
import Foundation
import Store

/// Renders and composes a mailbox pass's replies on worker threads, and queues them in the
/// outbox in order just before each chunk's commit (`MailboxPass`).
///
/// Rendering a receipt (templates, HTML, MIME) was two fifths of the pass thread's work, and
/// the pass thread – which must handle messages one by one, in order – is what limits a pass;
/// the reading threads had time to spare. Nothing is lost by waiting: a reply becomes durable
/// with the chunk's commit either way, and nothing outside the store is told before it.
///
/// A message's "routed" line in the journal says it needs no handling again (a crash after it
/// only moves the message): so those lines wait here too, and are written after the chunk's
/// replies and its deferred files (`GroupCommit.writeDeferred`). A process killed before then
/// finds the messages unrouted and handles them again; replies already queued stay as they are.
final class ReplyPipeline: @unchecked Sendable {
    private let writer: ReplyWriter
    private let queue = DispatchQueue.global(qos: .userInitiated)
    private let group = DispatchGroup()
    private let lock = NSLock()
    /// Finished compositions by submission index (guarded by `lock`).
    private var results: [Int: Result<ReplyWriter.Composed, any Error>] = [:]
    /// Used on the pass's thread only.
    private var submitted = 0
    private var messageIDs: Set<String> = []
    private var routed: [JournalEvent] = []

    init(writer: ReplyWriter) {
        self.writer = writer
    }

    /// Whether a reply with this Message-ID waits to be queued.
    func holds(_ messageID: String) -> Bool {
        messageIDs.contains(messageID)
    }

    /// Starts rendering `request`, dated `now`, on a worker thread.
    func submit(_ request: ReplyWriter.Request, at now: Date) {
        let index = submitted
        submitted += 1
        messageIDs.insert(ReplyWriter.messageID(of: request, environment: writer.environment))
        let job = UncheckedJob(writer: writer, request: request)
        queue.async(group: group) { [self] in
            let result = Result { try job.writer.compose(job.request, at: now) }
            lock.withLock { results[index] = result }
        }
    }

    /// Keeps a message's "routed" line for `queueAll`.
    func record(routed event: JournalEvent) {
        routed.append(event)
    }

    /// Waits for every reply submitted and queues them in the order submitted, writes the files
    /// `batch` deferred, then the "routed" lines; throws the first failure (the chunk is then not
    /// committed, and its messages are handled again).
    func queueAll(in batch: GroupCommit) throws {
        group.wait()
        let done = lock.withLock { () -> [Int: Result<ReplyWriter.Composed, any Error>] in
            defer { results = [:] }
            return results
        }
        let count = submitted
        submitted = 0
        messageIDs = []
        let events = routed
        routed = []
        for index in 0..<count {
            guard let result = done[index] else { continue }
            try writer.queue(try result.get())
        }
        try batch.writeDeferred()
        for event in events { try writer.environment.store.journal.append(event) }
    }
}

/// A reply to compose on another thread: its values are built on the pass's thread and only
/// read afterwards.
private struct UncheckedJob: @unchecked Sendable {
    let writer: ReplyWriter
    let request: ReplyWriter.Request
}
