import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The journal decoded once and then followed as it grows, for the console (issue 17: the
/// messages page read and decoded 100,000 lines per request). The journal is append-only: while
/// the file is the same inode and has only grown, just the new lines are decoded. A rewrite
/// (`StorePurge`, `PersonEraser`: atomic, so another inode) or a shorter file reads it whole again.
/// Used only inside `FileStore.withReadCache { }`.
final class JournalIndex: @unchecked Sendable {
    static let shared = JournalIndex()

    private struct State {
        var device: UInt64
        var inode: UInt64
        /// Bytes decoded so far: always just after a newline.
        var offset: Int64
        var events: [JournalEvent]
        var skipped: Int
        var summary: JournalSummary
    }

    private let lock = NSLock()
    private var states: [String: State] = [:]

    /// Every readable event and the damaged lines skipped, with the summary of both; the same as
    /// reading the whole file (`JSONLinesFile.readAll`).
    func read(_ url: URL) throws -> (events: [JournalEvent], skipped: Int, summary: JournalSummary) {
        let path = url.path
        // One reader at a time per process: a second request waits for the first's decoding
        // instead of decoding the same lines again.
        return try lock.withLock {
            guard let identity = FileIdentity.of(path) else {
                states[path] = nil
                return ([], 0, JournalSummary())
            }
            // Taken out of the dictionary, so that appending to its events does not copy them all.
            var state = states.removeValue(forKey: path).flatMap { old in
                old.device == identity.device && old.inode == identity.inode && old.offset <= identity.size
                    && Self.endsLine(path: path, at: old.offset) ? old : nil
            } ?? State(device: identity.device, inode: identity.inode, offset: 0, events: [], skipped: 0,
                       summary: JournalSummary())
            var tail: (events: [JournalEvent], skipped: Int) = ([], 0)
            if identity.size > state.offset {
                let bytes = try Self.read(path: path, from: state.offset, upTo: identity.size)
                // Whole lines are kept; a last line without its newline (being written, or a
                // crash's remnant) is decoded for this answer only.
                let complete = bytes.lastIndex(of: UInt8(ascii: "\n")).map { bytes.startIndex...$0 }
                if let complete {
                    let (values, skipped) = Self.decode(bytes[complete])
                    for event in values { state.summary.add(event) }
                    state.events += values
                    state.skipped += skipped
                    state.summary.skippedLines = state.skipped
                    state.offset += Int64(bytes.distance(from: bytes.startIndex, to: complete.upperBound) + 1)
                }
                let rest = complete.map { bytes[bytes.index(after: $0.upperBound)...] } ?? bytes[...]
                if !rest.isEmpty { tail = Self.decode(rest) }
            }
            states[path] = state
            guard !tail.events.isEmpty || tail.skipped > 0 else { return (state.events, state.skipped, state.summary) }
            var summary = state.summary
            for event in tail.events { summary.add(event) }
            summary.skippedLines += tail.skipped
            return (state.events + tail.events, state.skipped + tail.skipped, summary)
        }
    }

    private static func decode(_ bytes: Data.SubSequence) -> ([JournalEvent], Int) {
        let decoder = StoreJSON.decoder
        var values: [JournalEvent] = []
        var skipped = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            if let value = try? decoder.decode(JournalEvent.self, from: Data(line)) {
                values.append(value)
            } else {
                skipped += 1
            }
        }
        return (values, skipped)
    }

    /// The file still has a newline just before `offset` (it was not rewritten under us in place).
    private static func endsLine(path: String, at offset: Int64) -> Bool {
        guard offset > 0 else { return true }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var byte: UInt8 = 0
        return pread(fd, &byte, 1, off_t(offset - 1)) == 1 && byte == UInt8(ascii: "\n")
    }

    private static func read(path: String, from offset: Int64, upTo end: Int64) throws -> Data {
        let fd = try POSIX.open(path, O_RDONLY | O_CLOEXEC, operation: "open for reading")
        defer { close(fd) }
        var data = Data(count: Int(end - offset))
        var done = 0
        let total = data.count
        try data.withUnsafeMutableBytes { buffer in
            while done < total {
                let n = pread(fd, buffer.baseAddress! + done, total - done, off_t(offset) + off_t(done))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw StoreError.io(operation: "read", path: path, errno: errno)
                }
                if n == 0 { break }
                done += n
            }
        }
        return data.prefix(done)
    }
}

extension JournalSummary {
    /// Counts one more event (the journal's index adds each new line as it comes).
    mutating func add(_ event: JournalEvent) {
        events[event.event.rawValue, default: 0] += 1
        if event.event == .routed, let outcome = event.outcome {
            outcomes[outcome, default: 0] += 1
        }
        if event.event == .poll, lastPoll.map({ event.at >= $0 }) ?? true {
            lastPoll = event.at
        }
        if event.event == .error || event.event == .sendFailed {
            if lastError.map({ event.at >= $0.at }) ?? true { lastError = event }
        }
    }
}
