public import Foundation

/// One condition DSHR and the administrators were (or are to be) told about: kept while it
/// lasts, so that it is mailed once, and dropped when it clears, so that it is mailed again
/// if it returns.
public struct AlertRecord: Codable, Equatable, Sendable {
    /// Stable while the condition lasts: `disk_space`, `failed_outbox:<message id>`, `calendar:2028`, …
    public var key: String
    /// The condition's kind (`disk_space`, `failed_outbox`, `calendar`, `plan_pace`, `plan_unconfirmed`).
    public var kind: String
    /// One line for `cpdbot status`, as it was last found.
    public var summary: String
    /// When the condition was first found.
    public var since: Date
    /// When its alert was queued for DSHR and `bot.admin`; nil while nobody could be told.
    public var alertedAt: Date?

    /// A condition first seen at `since`; `alertedAt` stays nil until an alert was queued.
    public init(key: String, kind: String, summary: String, since: Date, alertedAt: Date? = nil) {
        self.key = key
        self.kind = kind
        self.summary = summary
        self.since = since
        self.alertedAt = alertedAt
    }

    enum CodingKeys: String, CodingKey {
        case key, kind, summary, since, alertedAt = "alerted_at"
    }
}

/// What the last look at the service found (`mailbox/alerts.json`, 0600).
public struct AlertState: Codable, Equatable, Sendable {
    /// When the conditions were last looked at (by `run` or `poll`).
    public var checkedAt: Date?
    /// The conditions that held then, sorted by key.
    public var active: [AlertRecord]

    /// The ledger's content; an empty one before the first check.
    public init(checkedAt: Date? = nil, active: [AlertRecord] = []) {
        self.checkedAt = checkedAt
        self.active = active
    }

    enum CodingKeys: String, CodingKey {
        case checkedAt = "checked_at", active
    }
}

/// `mailbox/alerts.json`: the service alerts' memory (issue 15, item 6). Holds no personal
/// data: keys name Message-IDs, years and Plan slots, summaries counts and dates.
public struct AlertLedger: Sendable {
    /// `mailbox/alerts.json` inside the store.
    public let url: URL

    init(url: URL) {
        self.url = url
    }

    /// What was saved, or nothing yet.
    public func load() throws -> AlertState {
        try AtomicFile.readJSON(AlertState.self, from: url) ?? AlertState()
    }

    /// Writes the state atomically, alerts sorted by key so that the file diffs cleanly.
    public func save(_ state: AlertState) throws {
        var sorted = state
        sorted.active.sort { $0.key < $1.key }
        try AtomicFile.writeJSON(sorted, to: url)
    }
}

extension FileStore {
    /// The service alerts' memory (`AlertLedger`), beside the mailbox state.
    public var alerts: AlertLedger { AlertLedger(url: root.appendingPathComponent("mailbox/alerts.json")) }
}
