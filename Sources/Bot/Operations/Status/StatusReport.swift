public import Foundation
public import Store

/// What `cpdbot status` reports and the console's overview and `/healthz` show: one function,
/// so the figures are the same wherever they are read.
public struct StatusReport: Encodable, Sendable, Equatable {
    /// Journal outcomes per kind.
    public var outcomes: [String: Int]
    /// Outbox entries per state (`queued`, `sent`, `failed`).
    public var outbox: [String: Int]
    /// When the mailbox was last polled.
    public var lastPoll: Date?
    /// The last poll's error, redacted; nil after a success.
    public var lastError: String?
    /// When `lastError` happened.
    public var lastErrorAt: Date?
    /// Since when logging in fails, why, and when DSHR and the admins were told (issue 18).
    public var loginFailingSince: Date?
    /// Why logging in fails, redacted.
    public var loginFailure: String?
    /// When DSHR and the admins were told; nil while nobody was.
    public var loginAlertedAt: Date?
    /// The service alerts that held at the last poll (issue 15): disk, failed outbox, calendar, §7.7.
    public var alerts: [Alert]
    /// When the alerts were last checked.
    public var alertsCheckedAt: Date?
    /// The store's path.
    public var store: String

    /// One service alert as `status` shows it.
    public struct Alert: Encodable, Sendable, Equatable {
        /// The condition's kind (`disk_space`, `failed_outbox`, …).
        public var kind: String
        /// What the alert is about (a Message-ID, a year, a Plan slot).
        public var key: String
        /// One line for people.
        public var summary: String
        /// Since when the condition holds.
        public var since: Date
        /// When DSHR and `bot.admin` were mailed; nil: nobody could be told (no bot.dshr, no bot.admin).
        public var alertedAt: Date?
    }

    /// A report; everything not given is empty.
    public init(outcomes: [String: Int] = [:], outbox: [String: Int] = [:], lastPoll: Date? = nil,
                lastError: String? = nil, lastErrorAt: Date? = nil, loginFailingSince: Date? = nil,
                loginFailure: String? = nil, loginAlertedAt: Date? = nil, alerts: [Alert] = [],
                alertsCheckedAt: Date? = nil, store: String) {
        self.outcomes = outcomes
        self.outbox = outbox
        self.lastPoll = lastPoll
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
        self.loginFailingSince = loginFailingSince
        self.loginFailure = loginFailure
        self.loginAlertedAt = loginAlertedAt
        self.alerts = alerts
        self.alertsCheckedAt = alertsCheckedAt
        self.store = store
    }

    /// Reads the journal, the mailbox state, the outbox and the last failure of `store`.
    public static func read(store: FileStore, mailbox: String) throws -> StatusReport {
        let journal = try store.journal.summary()
        let state = try store.mailbox.load(mailbox: mailbox)
        var outbox: [String: Int] = [:]
        for entry in try store.outbox.all() { outbox[entry.state.name, default: 0] += 1 }
        var lastError = state.lastError ?? journal.lastError?.detail
        var lastErrorAt = state.lastErrorAt ?? journal.lastError?.at
        // A failure kept while the disk was full may be newer than anything the journal has.
        if let failure = store.failure.last(), failure.at > (lastErrorAt ?? .distantPast) {
            lastError = failure.what
            lastErrorAt = failure.at
        }
        let alerts = try store.alerts.load()
        return StatusReport(outcomes: journal.outcomes, outbox: outbox, lastPoll: state.lastPollAt ?? journal.lastPoll,
                            lastError: lastError, lastErrorAt: lastErrorAt,
                            loginFailingSince: state.loginFailingSince, loginFailure: state.loginFailure,
                            loginAlertedAt: state.loginAlertedAt,
                            alerts: alerts.active.map { Alert(kind: $0.kind, key: $0.key, summary: $0.summary, since: $0.since,
                                                              alertedAt: $0.alertedAt) },
                            alertsCheckedAt: alerts.checkedAt, store: store.root.path)
    }
}
