public import Foundation
public import Regulation

/// A condition of the service that DSHR and `bot.admin` must hear about before it hurts
/// (issue 15, item 6): mail problems have their own alert (`LoginAlert`), these are the rest.
public enum ServiceCondition: Sendable, Equatable {
    /// The store's disk has less than `ServiceAlerts.minimumFreeFraction` free.
    case diskSpace(path: String, freeBytes: UInt64, totalBytes: UInt64)
    /// A message has failed (for good, or still being retried) and was queued more than a day ago.
    case failedMessage(FailedMessage)
    /// The holiday calendar lacks `year`: this year, or the next one from 1 November.
    case calendarYearMissing(year: Int, file: String)
    /// At the configured sending pace the Plan's last announcement leaves after its §7.7 deadline.
    case planPace(PlanSituation, finish: Date)
    /// The Plan is still only previewed this few working days before its deadline.
    case planUnconfirmed(PlanSituation)

    /// An outgoing message the outbox gave up on, or keeps failing.
    public struct FailedMessage: Sendable, Equatable {
        /// Its Message-ID.
        public var messageID: String
        /// Who it was for.
        public var recipients: [String]
        /// Its subject.
        public var subject: String?
        /// When it was queued.
        public var queuedAt: Date
        /// The server's last answer, redacted.
        public var reason: String
        /// False: still retried (the server keeps refusing for now).
        public var permanent: Bool
    }

    /// A Plan racing its §7.7 deadline.
    public struct PlanSituation: Sendable, Equatable {
        /// The Plan's folder in the store (`plans/<slot>/`).
        public var slot: String
        /// The academic year.
        public var cycle: String
        /// The attachment's name as DSHR sent it.
        public var fileName: String
        /// §7.7: the staff learn the Plan by this day.
        public var deadline: CivilDate
        /// Working days after today up to and including the deadline.
        public var workingDaysLeft: Int
        /// Announcements still to go (the whole roster while the Plan is only previewed).
        public var remaining: Int
        /// DSHR has confirmed it (its announcement is queued or under way).
        public var isConfirmed: Bool
        /// The preview DSHR got: the alert joins its thread, so a reply "растаймын" confirms.
        public var previewMessageID: String?

        /// A Plan's situation.
        public init(slot: String, cycle: String, fileName: String, deadline: CivilDate, workingDaysLeft: Int, remaining: Int,
                    isConfirmed: Bool = false, previewMessageID: String? = nil) {
            self.isConfirmed = isConfirmed
            self.slot = slot
            self.cycle = cycle
            self.fileName = fileName
            self.deadline = deadline
            self.workingDaysLeft = workingDaysLeft
            self.remaining = remaining
            self.previewMessageID = previewMessageID
        }
    }

    /// Names the kinds as the store, `cpdbot status` and the template flags (`is_<kind>`) do.
    public enum Kind: String, Sendable, CaseIterable {
        case diskSpace = "disk_space", failedOutbox = "failed_outbox", calendar, planPace = "plan_pace",
             planUnconfirmed = "plan_unconfirmed"
    }

    /// The condition's kind, without its details.
    public var kind: Kind {
        switch self {
        case .diskSpace: .diskSpace
        case .failedMessage: .failedOutbox
        case .calendarYearMissing: .calendar
        case .planPace: .planPace
        case .planUnconfirmed: .planUnconfirmed
        }
    }

    /// Stable while the condition lasts; a new key is a new alert.
    public var key: String {
        switch self {
        case .diskSpace: "disk_space"
        case .failedMessage(let message): "failed_outbox:\(message.messageID)"
        case .calendarYearMissing(let year, _): "calendar:\(year)"
        case .planPace(let plan, _): "plan_pace:\(plan.slot)"
        case .planUnconfirmed(let plan): "plan_unconfirmed:\(plan.slot)"
        }
    }

    /// One line for `cpdbot status` and the log: what holds, with its figures (no addresses).
    public var summary: String {
        switch self {
        case let .diskSpace(path, free, total):
            let percent = total > 0 ? Int((Double(free) / Double(total) * 100).rounded(.down)) : 0
            return "the disk of \(path) has \(ByteCountFormatter.string(fromByteCount: Int64(free), countStyle: .binary)) free (\(percent)%)"
        case .failedMessage(let message):
            return "a message queued \(message.queuedAt.formatted(.iso8601)) has not gone out"
                + (message.permanent ? " (failed for good)" : " (still retried)") + ": \(message.reason.prefix(120))"
        case let .calendarYearMissing(year, file):
            return "the holiday calendar \(file) has no year \(year)"
        case let .planPace(plan, finish):
            return "Plan \(plan.slot): \(plan.remaining) announcement(s) to go would finish \(finish.formatted(.iso8601)), after the §7.7 deadline \(plan.deadline.iso)"
        case .planUnconfirmed(let plan):
            return "Plan \(plan.slot) is not confirmed \(plan.workingDaysLeft) working day(s) before its §7.7 deadline \(plan.deadline.iso)"
        }
    }
}
