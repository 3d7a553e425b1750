public import Bot
public import Foundation

/// `/healthz`: what a monitor needs, from the same `StatusReport` as `cpdbot status`.
public struct HealthPage: Encodable, Sendable, Equatable {
    /// `ok`, or `login_failing` while logging in to the mail server fails.
    public var status: String
    /// When the mailbox was last polled.
    public var lastPoll: Date?
    /// The last poll's error, redacted; nil after a success.
    public var lastError: String?
    /// When `lastError` happened.
    public var lastErrorAt: Date?
    /// Messages waiting to be sent (`queued` in `cpdbot status`, which counts throttled ones too).
    public var outboxDepth: Int
    /// Since when logging in fails; nil while it works.
    public var loginFailingSince: Date?

    /// The health figures of `report`.
    public init(report: StatusReport) {
        lastPoll = report.lastPoll
        lastError = report.lastError
        lastErrorAt = report.lastErrorAt
        outboxDepth = report.outbox["queued"] ?? 0
        loginFailingSince = report.loginFailingSince
        status = report.loginFailingSince == nil ? "ok" : "login_failing"
    }
}
