import Dispatch
import Foundation
import Intake
import Mail

/// Reads fetched messages on worker threads while the pass handles the ones read before.
///
/// Reading (MIME, spreadsheets) is pure and most of the work; handling (store, journal,
/// receipts) must stay on one thread in UID order. A message handed to `submit` starts being
/// read at once; `next` gives the readings back in the order they were submitted. So the
/// workers read ahead while the pass handles, and both cores stay busy. The window is bounded
/// by count and by bytes: the caller takes a reading before submitting more once `isFull`.
final class ReadAhead: @unchecked Sendable {
    /// Messages submitted and not yet taken back.
    private(set) var count = 0
    /// Their fetched bytes.
    private(set) var bytes = 0

    private let window: Int
    private let maxBytes: Int
    private let limits: MessageReading.Limits
    /// The bot's address: messages from it are only parsed until the outbox says (`MessageHandler.prepare`).
    private let ownAddress: String?
    private let queue = DispatchQueue.global(qos: .userInitiated)
    private let group = DispatchGroup()
    /// Guards `done`; signalled when a reading is finished.
    private let condition = NSCondition()
    private var done: [Int: MessageHandler.Prepared] = [:]
    private var submitted = 0
    private var taken = 0
    private var sizes: [Int: Int] = [:]

    init(window: Int, maxBytes: Int, limits: MessageReading.Limits, ownAddress: String?) {
        self.window = max(1, window)
        self.maxBytes = maxBytes
        self.limits = limits
        self.ownAddress = ownAddress
    }

    /// True when the caller should take a reading back before submitting another.
    var isFull: Bool { count >= window || bytes >= maxBytes }

    /// Starts reading `message`, fetched at `fetchedAt`, on a worker thread. Called from the
    /// pass's thread only.
    func submit(_ message: FetchedMessage, fetchedAt: Date) {
        let sequence = submitted
        submitted += 1
        count += 1
        bytes += message.size
        sizes[sequence] = message.size
        let limits = limits
        let ownAddress = ownAddress
        queue.async(group: group) { [self] in
            let prepared = MessageHandler.prepare(message, fetchedAt: fetchedAt, limits: limits, ownAddress: ownAddress)
            condition.lock()
            done[sequence] = prepared
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The oldest submitted message's reading if it is finished, without waiting.
    func ready() -> MessageHandler.Prepared? {
        take(waiting: false)
    }

    /// The oldest submitted message's reading, waiting for it; nil when nothing is submitted.
    func next() -> MessageHandler.Prepared? {
        take(waiting: true)
    }

    /// Waits for the workers and drops what was not taken (the pass stopped or failed: those
    /// messages stay in INBOX for the next pass).
    func discard() {
        group.wait()
        condition.lock()
        done = [:]
        condition.unlock()
        taken = submitted
        sizes = [:]
        count = 0
        bytes = 0
    }

    private func take(waiting: Bool) -> MessageHandler.Prepared? {
        guard taken < submitted else { return nil }
        condition.lock()
        while done[taken] == nil {
            guard waiting else {
                condition.unlock()
                return nil
            }
            condition.wait()
        }
        let prepared = done.removeValue(forKey: taken)
        condition.unlock()
        count -= 1
        bytes -= sizes.removeValue(forKey: taken) ?? 0
        taken += 1
        return prepared
    }
}
