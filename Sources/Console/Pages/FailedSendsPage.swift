public import Bot
import Foundation

/// One Plan's announcements that failed for good, as the Plan page lists them (values in,
/// values out): whom, when, the server's reason, and whether Retry sends it again.
public struct FailedSendsPage: Sendable {
    /// One refused announcement.
    public struct Line: Sendable, Equatable {
        /// Whom it was for.
        public var address: String
        /// When it failed for good, on the university's clock.
        public var failedAt: String
        /// The server's reason, as the outbox keeps it.
        public var reason: String
        /// True when Retry sends it again (the address is still on the roster).
        public var canRetry: Bool
        /// Why not, in the page's language; empty when it can be retried.
        public var note: String
    }

    /// The Plan's folder in the store (the Retry form's target).
    public var slot: String
    /// The Plan's file name as DSHR sent it.
    public var file: String
    /// The refused announcements, oldest first.
    public var lines: [Line]
    /// True when Retry would send at least one again.
    public var canRetry: Bool

    /// The page part of `failed` (from `CycleDesk.failedAnnouncements`).
    public init(slot: String, file: String, failed: [FailedAnnouncement], strings: ConsoleStrings) {
        self.slot = slot
        self.file = file
        lines = failed.map {
            Line(address: $0.address, failedAt: strings.moment($0.failedAt), reason: $0.reason, canRetry: $0.canRetry,
                 note: $0.canRetry ? "" : strings["plan_failed_not_on_roster"])
        }
        canRetry = failed.contains(where: \.canRetry)
    }
}
