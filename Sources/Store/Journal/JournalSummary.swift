public import Foundation

/// The journal condensed for `cpdbot status`.
public struct JournalSummary: Equatable, Sendable {
    /// Routed messages per outcome (`processed`, `rejected`, …).
    public var outcomes: [String: Int] = [:]
    /// Events per kind (`received`, `sent`, `send_failed`, …).
    public var events: [String: Int] = [:]
    /// The time of the last `poll` event, nil when the bot never polled.
    public var lastPoll: Date?
    /// The most recent `error` or `send_failed` event.
    public var lastError: JournalEvent?
    /// Damaged lines (a crash mid-write) that were skipped.
    public var skippedLines: Int = 0

    /// An empty summary, to be filled line by line.
    public init() {}

    init(events list: [JournalEvent], skippedLines: Int) {
        self.skippedLines = skippedLines
        for event in list {
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
}
