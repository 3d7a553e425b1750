public import Foundation

/// `journal.jsonl`: one event per message received and per message sent, appended with
/// O_APPEND + fsync, so that the record of what happened survives a crash.
public struct Journal: Sendable {
    /// `journal.jsonl` inside the store.
    public let url: URL
    private let file: JSONLinesFile

    init(url: URL) {
        self.url = url
        self.file = JSONLinesFile(url: url)
    }

    /// Appends one line and fsyncs it before returning, so that the event survives a crash.
    public func append(_ event: JournalEvent) throws {
        try file.append(event)
    }

    /// Every readable event, oldest first, and how many damaged lines were skipped.
    public func events() throws -> (events: [JournalEvent], skippedLines: Int) {
        if StoreReadCache.shared.isEnabled(url.path) {
            let (values, skipped, _) = try JournalIndex.shared.read(url)
            return (values, skipped)
        }
        let (values, skipped) = try file.readAll(JournalEvent.self)
        return (values, skipped)
    }

    /// Content hashes of messages that got an outcome: these need no routing after a restart.
    public func routedContentHashes() throws -> Set<String> {
        Set(try events().events.filter { $0.event == .routed }.compactMap(\.sha256))
    }

    /// What `cpdbot status` shows.
    public func summary() throws -> JournalSummary {
        if StoreReadCache.shared.isEnabled(url.path) { return try JournalIndex.shared.read(url).summary }
        let (events, skipped) = try events()
        return JournalSummary(events: events, skippedLines: skipped)
    }
}
