import Dispatch
import Foundation
import Store

/// Draws a batch of certificates on every core: one `CertificateMaker` (renderer, images) per
/// worker, each used by its own thread only. A completions list of 2,000 people is drawn in
/// chunks, so only one chunk of PDFs is in memory at a time.
final class CertificatePrinter {
    /// At most this many threads draw; a 2-core server uses two.
    static let maxWorkers = 4
    private let makers: [CertificateMaker]

    init(environment: BotEnvironment) throws {
        let workers = max(1, min(Self.maxWorkers, ProcessInfo.processInfo.activeProcessorCount))
        makers = try (0..<workers).map { _ in try CertificateMaker(environment: environment) }
    }

    func code(for number: String) -> String { makers[0].code(for: number) }
    func verifyURL(for number: String) -> String { makers[0].verifyURL(for: number) }

    /// The PDFs of `certificates`, in order.
    func pdfs(_ certificates: [IssuedCertificate]) throws -> [[UInt8]] {
        let results = Results(count: certificates.count)
        let workers = Unchecked(makers)
        let count = min(makers.count, certificates.count)
        DispatchQueue.concurrentPerform(iterations: count) { worker in
            let maker = workers.value[worker]
            for index in stride(from: worker, to: certificates.count, by: count) {
                results.set(index, Result { try maker.pdf(certificates[index]) })
            }
        }
        return try results.values()
    }

    /// Each worker writes its own indices; the lock only orders the writes with the reading.
    private final class Results: @unchecked Sendable {
        private var slots: [Result<[UInt8], any Error>?]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ result: Result<[UInt8], any Error>) {
            lock.lock()
            slots[index] = result
            lock.unlock()
        }

        func values() throws -> [[UInt8]] {
            lock.lock()
            defer { lock.unlock() }
            return try slots.map { try $0!.get() }
        }
    }

    /// The makers cross into the workers' closure; each is used by exactly one worker.
    private struct Unchecked<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
