import Config
import Foundation
import Regulation
import Store

/// Keeps sending within a provider's limits (`smtp.max_messages_per_minute`,
/// `smtp.max_recipients_per_day`), shared by every sending connection and thread.
///
/// Messages start evenly spaced, 60/N seconds apart, so no minute ever holds more than N (a
/// burst of N at the start of each minute is what providers' sliding windows punish). The day
/// is Asia/Almaty's; once its recipient budget is used, the rest waits for the next day. The
/// pacer starts from what the outbox says was sent (the last start, today's recipients), so a
/// restart does not begin a fresh minute or day. A throttling reply pauses every thread, with
/// a backoff that doubles while the server keeps refusing.
final class SendPacer: @unchecked Sendable {
    struct Limits: Sendable, Equatable {
        /// 0: no limit.
        var messagesPerMinute = 0
        /// 0: no limit.
        var recipientsPerDay = 0
        /// Whose days `recipientsPerDay` counts (`bot.time_zone`).
        var timeZone = CPDBotConfiguration.defaultTimeZone

        /// Seconds between two message starts; 0 without a limit.
        var interval: TimeInterval { messagesPerMinute > 0 ? 60 / Double(messagesPerMinute) : 0 }
    }

    /// Time as the pacer sees it; tests inject a clock whose sleep moves time on.
    struct Clock: Sendable {
        var now: @Sendable () -> Date
        var sleep: @Sendable (TimeInterval) -> Void

        static let system = Clock(now: { Date() }, sleep: { Thread.sleep(forTimeInterval: $0) })
    }

    enum Permit: Equatable {
        /// Send now.
        case granted
        /// Today's recipients are used up: wait for the Almaty day that starts at `until`.
        case dayBudgetUsed(until: Date)
        /// The server throttled: nothing starts before `until`.
        case paused(until: Date)
        /// A graceful shutdown was asked for while waiting.
        case stopped
    }

    /// The first pause after a throttling reply, and the longest.
    static let firstPause: TimeInterval = 60
    static let longestPause: TimeInterval = 900
    /// A waiting thread looks at `shouldStop` at least this often.
    static let stopCheckInterval: TimeInterval = 0.25

    let limits: Limits
    private let clock: Clock
    private let lock = NSLock()
    private var nextStart: Date
    private var day: Date
    private var recipientsToday: Int
    private var pausedUntil: Date?
    private var dayFullUntil: Date?
    /// The day-full moment last reported by `newlyHeldUntilDayEnd()`.
    private var reportedDayFull: Date?
    private var pause: TimeInterval = 0

    /// `sent`: when earlier messages were sent and to how many envelope recipients (from the
    /// outbox), so that the limits carry over a restart.
    init(limits: Limits, clock: Clock = .system, sent: [(at: Date, recipients: Int)] = []) {
        self.limits = limits
        self.clock = clock
        let now = clock.now()
        let today = Self.dayStart(of: now, in: limits.timeZone)
        day = today
        recipientsToday = sent.filter { $0.at >= today && $0.at < today + 86_400 }.reduce(0) { $0 + $1.recipients }
        let last = sent.map(\.at).filter { $0 <= now }.max()
        let interval = limits.interval
        nextStart = last.map { $0 + interval } ?? .distantPast
    }

    /// Waits until a message to `recipients` envelope addresses may start. Returns at once
    /// without limits.
    func acquire(recipients: Int, shouldStop: () -> Bool) -> Permit {
        let start: Date
        do {
            lock.lock()
            defer { lock.unlock() }
            let now = clock.now()
            if let pausedUntil, pausedUntil > now { return .paused(until: pausedUntil) }
            let today = Self.dayStart(of: now, in: limits.timeZone)
            if today != day {
                day = today
                recipientsToday = 0
            }
            // One message larger than the whole budget still goes, alone, at the start of a day.
            if limits.recipientsPerDay > 0, recipientsToday > 0, recipientsToday + recipients > limits.recipientsPerDay {
                dayFullUntil = day + 86_400
                return .dayBudgetUsed(until: day + 86_400)
            }
            recipientsToday += recipients
            start = max(now, nextStart)
            nextStart = start + limits.interval
        }
        while true {
            let now = clock.now()
            guard now < start else { return .granted }
            if shouldStop() {
                lock.withLock { recipientsToday -= recipients }
                return .stopped
            }
            clock.sleep(min(Self.stopCheckInterval, start.timeIntervalSince(now)))
        }
    }

    /// The server throttled: nothing starts until the returned moment (60 s, doubling while
    /// throttling goes on, 15 minutes at most).
    @discardableResult
    func throttled() -> Date {
        lock.withLock {
            pause = pause == 0 ? Self.firstPause : min(pause * 2, Self.longestPause)
            let until = clock.now() + pause
            pausedUntil = max(pausedUntil ?? .distantPast, until)
            return until
        }
    }

    /// The end of the current throttling pause, if one is on.
    var pauseEnd: Date? {
        lock.withLock {
            guard let pausedUntil, pausedUntil > clock.now() else { return nil }
            return pausedUntil
        }
    }

    /// The end of the day whose recipient budget was just used up, once per day (for the log).
    func newlyHeldUntilDayEnd() -> Date? {
        lock.withLock {
            guard let dayFullUntil, dayFullUntil != reportedDayFull else { return nil }
            reportedDayFull = dayFullUntil
            return dayFullUntil
        }
    }

    /// True while nothing may start: a throttling pause, or a day whose budget is used up.
    var isHolding: Bool {
        lock.withLock {
            let now = clock.now()
            return (pausedUntil.map { $0 > now } ?? false) || (dayFullUntil.map { $0 > now } ?? false)
        }
    }

    /// A message went through: the next throttling starts the backoff afresh.
    func succeeded() {
        lock.withLock { pause = 0 }
    }

    /// Midnight, in the university's zone, of the day `date` falls on.
    static func dayStart(of date: Date, in zone: TimeZone) -> Date {
        LocalTime.startOfDay(date, in: zone)
    }

    /// When `messages` messages of `recipientsEach` envelope recipients, started at `start`,
    /// will all have started at this pace (nothing sent before them today). Pure.
    static func estimatedFinish(messages: Int, recipientsEach: Int, limits: Limits, start: Date) -> Date {
        guard messages > 0 else { return start }
        let perDay = limits.recipientsPerDay > 0 ? max(1, limits.recipientsPerDay / max(1, recipientsEach)) : Int.max
        var remaining = messages
        var dayStart = start
        while true {
            let budget = perDay
            let today = min(remaining, budget)
            // Starts are spaced by the interval; a day's budget ends at the day's end at the latest.
            let finish = dayStart + Double(today - 1) * limits.interval
            remaining -= today
            if remaining == 0 { return finish }
            dayStart = max(Self.dayStart(of: finish, in: limits.timeZone) + 86_400, finish + limits.interval)
        }
    }
}

extension SendPacer {
    /// The configured limits, resuming from the outbox: `envelopeExtra` is the bot's own
    /// address added to each envelope (0 or 1), which providers count too.
    convenience init(limits: Limits, outbox: Outbox, envelopeExtra: Int, clock: Clock = .system) throws {
        let sent = try outbox.all().compactMap { entry -> (at: Date, recipients: Int)? in
            guard case let .sent(at) = entry.state else { return nil }
            return (at, entry.recipients.count + envelopeExtra)
        }
        self.init(limits: limits, clock: clock, sent: sent)
    }
}
