import Dispatch
import Foundation
import Mail

/// Reads a batch of fetched messages on several threads. Reading is pure (bytes in, values
/// out), so the order of work does not matter; the results come back in the batch's order.
enum ParallelReader {
    static func prepare(_ batch: [FetchedMessage], fetchedAt: Date, limits: MessageReading.Limits,
                        threads: Int) -> [MessageHandler.Prepared] {
        guard threads > 1, batch.count > 1 else {
            return batch.map { MessageHandler.prepare($0, fetchedAt: fetchedAt, limits: limits) }
        }
        let results = Results(count: batch.count)
        DispatchQueue.concurrentPerform(iterations: batch.count) { index in
            results.set(index, MessageHandler.prepare(batch[index], fetchedAt: fetchedAt, limits: limits))
        }
        return results.all(batch: batch, fetchedAt: fetchedAt, limits: limits)
    }

    /// The slots the threads fill, each written once.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [MessageHandler.Prepared?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: MessageHandler.Prepared) {
            lock.withLock { slots[index] = value }
        }

        /// Every slot is filled when `concurrentPerform` returns; a missing one is read again here
        /// rather than trusted away.
        func all(batch: [FetchedMessage], fetchedAt: Date, limits: MessageReading.Limits) -> [MessageHandler.Prepared] {
            lock.withLock {
                slots.enumerated().map { index, slot in
                    slot ?? MessageHandler.prepare(batch[index], fetchedAt: fetchedAt, limits: limits)
                }
            }
        }
    }
}
