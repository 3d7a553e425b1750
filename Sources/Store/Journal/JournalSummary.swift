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
        for event in list { add(event) }
    }
}
