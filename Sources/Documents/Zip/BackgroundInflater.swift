import Foundation

/// Inflates one large member on a thread of its own, a few chunks ahead of the parser that
/// consumes them, so that inflating and parsing a 60 MB worksheet use both cores. At most
/// `depth` chunks wait at a time (memory stays bounded), the producer stops past `cap` bytes,
/// and a consumer that gives up (a limit, an error) cancels it. Inflating is the slower half,
/// so the consumer computes the checksum.
final class BackgroundInflater: @unchecked Sendable {
    enum Item {
        case chunk([UInt8])
        /// The member ended.
        case finished
        case corrupt(String)
    }

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var ready: [Item] = []
    private var cancelled = false
    private var ended = false
    private let depth: Int

    /// Starts inflating at once. The thread owns `inflater` from here on.
    init(_ inflater: ZipInflater, depth: Int = 4, cap: Int) {
        self.depth = max(1, depth)
        let work = UncheckedInflater(inflater: inflater)
        let thread = Thread { [self] in produce(work.inflater, cap: cap) }
        thread.name = "cpdbot-inflate"
        thread.start()
    }

    /// The next chunk or the end; waits while the producer is behind.
    func next() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty { condition.wait() }
        let item = ready.removeFirst()
        condition.broadcast()
        return item
    }

    /// Stops the producer (it may be waiting for room).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    private func produce(_ inflater: ZipInflater, cap: Int) {
        var produced = 0
        while true {
            switch inflater.step() {
            case .produced(let size):
                guard size > 0 else { continue }
                let chunk = inflater.copyChunk()
                produced += size
                guard put(.chunk(chunk)) else { return }
                // The consumer counts the same bytes and refuses the member; nothing more is needed.
                if produced > cap { _ = put(.finished); return }
            case .finished:
                _ = put(.finished)
                return
            case .corrupt(let why):
                _ = put(.corrupt(why))
                return
            }
        }
    }

    /// Queues `item` once there is room; false when the consumer has gone.
    private func put(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while ready.count >= depth && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        ready.append(item)
        condition.broadcast()
        return true
    }
}

/// Hands the inflater to the producer thread; only that thread touches it afterwards.
private struct UncheckedInflater: @unchecked Sendable {
    let inflater: ZipInflater
}
