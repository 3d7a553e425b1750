public import Foundation

/// How long the store keeps personal data (from `retention.*` in the configuration).
public struct RetentionRules: Sendable, Equatable {
    /// Raw `.eml` files older than this many days are deleted (`retention.raw_messages_days`).
    public var rawMessagesDays: Int
    /// Journal events older than this lose their personal fields (`retention.journal_personal_days`).
    public var journalPersonalDays: Int
    /// Application rows of cycles closed this many years ago are deleted (`retention.closed_cycle_applications_years`).
    public var closedCycleApplicationsYears: Int
    /// The university's zone (`bot.time_zone`): a cycle ends at its midnight.
    public var timeZone: TimeZone

    /// Rules as read from the configuration (`Config` checks the ranges).
    public init(rawMessagesDays: Int, journalPersonalDays: Int, closedCycleApplicationsYears: Int, timeZone: TimeZone) {
        self.timeZone = timeZone
        self.rawMessagesDays = rawMessagesDays
        self.journalPersonalDays = journalPersonalDays
        self.closedCycleApplicationsYears = closedCycleApplicationsYears
    }

    /// A cycle `2026-2027` ends on 31 August 2027 (the academic year); its applications go
    /// `closedCycleApplicationsYears` after that. Nil for a folder that is not a cycle's.
    func cycleExpires(_ cycle: String) -> Date? {
        let years = cycle.split(separator: "-")
        guard years.count == 2, let end = Int(years[1]), let start = Int(years[0]), end == start + 1 else { return nil }
        var parts = DateComponents()
        parts.year = end + closedCycleApplicationsYears
        parts.month = 9
        parts.day = 1
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: parts)
    }
}

/// `cpdbot purge` (and `run`, daily): deletes what the retention rules say has served its
/// purpose – raw messages and sent mail older than `raw_messages_days`, the applications of
/// cycles closed `closed_cycle_applications_years` ago – and strips the addresses from journal
/// events older than `journal_personal_days`. Certificates, obligations and Plans are not
/// touched (a legal duty keeps them). The caller holds the writing lock (`withWritingLock`).
public struct StorePurge {
    /// The store purged.
    public let store: FileStore

    /// A purge of `store`; nothing is deleted until it is run.
    public init(store: FileStore) {
        self.store = store
    }

    /// What was (or, with `dryRun`, would be) done, one line per kind; journaled unless dry.
    public func run(_ rules: RetentionRules, now: Date, dryRun: Bool, by who: String) throws -> [String] {
        let day: TimeInterval = 86_400
        let messagesCutoff = now.addingTimeInterval(-Double(rules.rawMessagesDays) * day)
        var actions: [String] = []

        // Raw messages received.
        let indexURL = store.archive.directory.appendingPathComponent("index.jsonl")
        let (archived, _) = try JSONLinesFile(url: indexURL).readAll(ArchivedMessage.self)
        let oldMessages = archived.filter { $0.archivedAt < messagesCutoff }
        if !oldMessages.isEmpty {
            actions.append("messages: \(oldMessages.count) received message(s) older than \(rules.rawMessagesDays) days")
            if !dryRun {
                for message in oldMessages {
                    try? FileManager.default.removeItem(at: store.archive.directory.appendingPathComponent(message.relativePath))
                }
                let gone = Set(oldMessages.map(\.sha256))
                try rewrite(indexURL) { line in
                    guard let data = line.data(using: .utf8),
                          let entry = try? StoreJSON.decoder.decode(ArchivedMessage.self, from: data) else { return line }
                    return gone.contains(entry.sha256) ? nil : line
                }
                store.archive.forgetIndex()
            }
        }
        // Mail sent (or given up) long ago.
        let oldOutgoing = try store.outbox.all().filter { entry in
            switch entry.state {
            case .sent, .failedPermanent: return entry.updatedAt < messagesCutoff
            case .queued, .throttled, .failedTemporary: return false
            }
        }
        if !oldOutgoing.isEmpty {
            actions.append("outbox: \(oldOutgoing.count) sent message(s) older than \(rules.rawMessagesDays) days")
            if !dryRun {
                for entry in oldOutgoing { try store.outbox.remove(messageID: entry.messageID) }
                try store.outbox.pruneSentRecords()
            }
        }
        // Applications of cycles closed long ago.
        for cycle in try store.applications.cycles() {
            guard let expiry = rules.cycleExpires(cycle), expiry <= now else { continue }
            actions.append("applications/\(cycle): the cycle closed more than \(rules.closedCycleApplicationsYears) year(s) ago")
            if !dryRun { try FileManager.default.removeItem(at: store.applications.directory.appendingPathComponent(cycle)) }
        }
        // Journal: old events keep what happened, not to whom.
        let journalCutoff = now.addingTimeInterval(-Double(rules.journalPersonalDays) * day)
        var anonymised = 0
        let events = try store.journal.events().events
        for event in events where event.at < journalCutoff && (event.from != nil || Self.hasAddress(event.detail)) {
            anonymised += 1
        }
        if anonymised > 0 {
            actions.append("journal: \(anonymised) event(s) older than \(rules.journalPersonalDays) days lose their addresses")
            if !dryRun {
                try rewrite(store.journal.url) { line in
                    guard let data = line.data(using: .utf8),
                          var event = try? StoreJSON.decoder.decode(JournalEvent.self, from: data),
                          event.at < journalCutoff, event.from != nil || Self.hasAddress(event.detail) else { return line }
                    event.from = nil
                    event.detail = event.detail.map(Self.withoutAddresses)
                    guard let encoded = try? StoreJSON.lineEncoder.encode(event) else { return line }
                    return String(decoding: encoded, as: UTF8.self)
                }
            }
        }
        if !dryRun, !actions.isEmpty {
            try store.journal.append(JournalEvent(at: now, event: "purged", detail: "retention applied by \(who): " + actions.joined(separator: "; ")))
        }
        return actions
    }

    static let addressPattern = #"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"#

    static func hasAddress(_ text: String?) -> Bool {
        text?.range(of: addressPattern, options: .regularExpression) != nil
    }

    static func withoutAddresses(_ text: String) -> String {
        text.replacingOccurrences(of: addressPattern, with: "[address removed]", options: .regularExpression)
    }

    private func rewrite(_ url: URL, _ transform: (String) -> String?) throws {
        guard let data = try POSIX.readIfExists(url) else { return }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        try AtomicFile.write(Data(lines.compactMap { transform(String($0)) }.map { $0 + "\n" }.joined().utf8), to: url)
    }
}

extension FileStore {
    /// Runs `work` while no one changes the store (the writing lock: `run` lets go of it
    /// between passes); for backups, purges and other rewrites that may run beside `run`.
    public func withWritingLock<T>(timeout: Duration = .seconds(600), _ work: () throws -> T) throws -> T {
        let lock = WritingLock(path: root.appendingPathComponent(FileStore.writingLockName).path)
        try lock.acquire(timeout: timeout)
        defer { lock.release() }
        return try work()
    }
}
