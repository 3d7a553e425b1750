import Bot
import Foundation

/// `/healthz`: what a monitor needs, from the same `StatusReport` as `cpdbot status`.
public struct HealthPage: Encodable, Sendable, Equatable {
    public var status: String
    public var lastPoll: Date?
    public var lastError: String?
    public var lastErrorAt: Date?
    /// Messages waiting to be sent (`queued` in `cpdbot status`, which counts throttled ones too).
    public var outboxDepth: Int
    public var loginFailingSince: Date?

    public init(report: StatusReport) {
        lastPoll = report.lastPoll
        lastError = report.lastError
        lastErrorAt = report.lastErrorAt
        outboxDepth = report.outbox["queued"] ?? 0
        loginFailingSince = report.loginFailingSince
        status = report.loginFailingSince == nil ? "ok" : "login_failing"
    }
}
