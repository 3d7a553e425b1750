public import Config
public import Foundation
import Logging
public import Mail
public import ServiceLifecycle
public import Store

/// `cpdbot run`: poll, send, wait for mail (IDLE or the poll interval), again, until a graceful
/// shutdown (SIGTERM/SIGINT), which finishes the message in hand. Mail servers that are down
/// are retried with exponential backoff; the reason is logged and kept for `cpdbot status`.
public struct BotService: Service {
    let environment: BotEnvironment
    /// Longest wait between two attempts when a server keeps failing.
    var maximumBackoff: Duration = .seconds(300)
    /// systemd's notification socket (a no-op without `NOTIFY_SOCKET`).
    let notifier: ServiceNotifier
    /// The store's lock, let go of for backups while the loop waits (nil in tests).
    let storeLock: StoreLock?
    /// Wakes the loop from its wait (the console does, after queueing a sign-in mail).
    let waker: IdleWaker?
    /// Told how long each poll took and whether it succeeded (the console's `/metrics`).
    let onPoll: @Sendable (Duration, Bool) -> Void

    /// The service; `storeLock` is held for its lifetime, `waker` (one is made when nil) ends an IMAP IDLE wait on shutdown.
    public init(environment: BotEnvironment, storeLock: StoreLock? = nil, notifier: ServiceNotifier = ServiceNotifier(),
                waker: IdleWaker? = nil, onPoll: @escaping @Sendable (Duration, Bool) -> Void = { _, _ in }) {
        self.environment = environment
        self.onPoll = onPoll
        self.storeLock = storeLock
        self.notifier = notifier
        self.waker = waker
    }

    /// Polls and sends until SIGTERM or SIGINT, telling systemd how it goes; the mail loop runs on a thread of its own.
    public func run() async throws {
        let stop = StopFlag()
        let waker = try self.waker ?? IdleWaker()
        try await withGracefulShutdownHandler {
            // libcurl blocks: the loop gets a thread of its own, off the cooperative pool.
            try await BlockingThread.run(named: "cpdbot-mail") { [environment, maximumBackoff, notifier, storeLock, onPoll] in
                try Self.loop(environment: environment, runner: try BotRunner(environment: environment), stop: stop,
                              waker: waker, maximumBackoff: maximumBackoff, notifier: notifier, storeLock: storeLock,
                              onPoll: onPoll)
            }
        } onGracefulShutdown: { [notifier] in
            notifier.stopping()
            stop.set()
            waker.wake()
        }
    }

    /// The mail loop on the calling thread, until `stop` is set. `runner` is the real
    /// `BotRunner` in service; tests drive the loop with a runner over in-memory mail servers.
    static func loop(environment: BotEnvironment, runner: any MailLoopRunner, stop: StopFlag, waker: IdleWaker,
                     maximumBackoff: Duration, notifier: ServiceNotifier = .none, storeLock: StoreLock? = nil,
                     onPoll: @Sendable (Duration, Bool) -> Void = { _, _ in }) throws {
        let logger = environment.logger
        let heartbeat = Heartbeat(notifier: notifier)
        runner.onSendProgress = { done, total in
            notifier.status("sending \(done)/\(total)")
            heartbeat.beat()
        }
        // Every check for a stop inside a pass falls between two changes of the store: proof that
        // the loop is alive, and the moment a waiting backup may copy the store.
        let shouldStop = {
            heartbeat.beat()
            storeLock?.yieldToBackup()
            return stop.isSet
        }
        // Asleep, the loop still answers the watchdog (a long backoff is not a hang), and a backup
        // may copy the store meanwhile.
        func sleepAnsweringTheWatchdog(_ duration: Duration) throws {
            var left = duration
            let step = notifier.watchdogInterval ?? duration
            storeLock?.pauseWriting()
            while left > .zero, !stop.isSet {
                let now = min(step, left)
                stop.sleep(for: now)
                heartbeat.beat(force: true)
                left -= now
            }
            try storeLock?.resumeWriting()
        }
        notifier.ready()
        var backoff: Duration = .seconds(1)
        var reminders = DailyReminders(environment: environment)
        var lastPurge: Date?
        while !stop.isSet {
            do {
                heartbeat.beat(force: true)
                reminders.runIfDue()
                lastPurge = Self.purgeIfDue(environment: environment, last: lastPurge)
                notifier.status("polling")
                let started = ContinuousClock.now
                let report: BotRunner.PollReport
                do {
                    report = try runner.poll(shouldStop: shouldStop)
                } catch {
                    onPoll(ContinuousClock.now - started, false)
                    throw error
                }
                onPoll(ContinuousClock.now - started, true)
                if report.seen > 0 || report.sent > 0 {
                    logger.info("poll: \(report.seen) message(s) \(report.outcomes.sorted { $0.key < $1.key }); sent \(report.sent)")
                }
                backoff = .seconds(1)
                if stop.isSet { break }
                notifier.status("waiting for mail")
                // Nothing changes the store while the loop waits: a backup may copy it now.
                storeLock?.pauseWriting()
                defer { try? storeLock?.resumeWriting() }
                try runner.waitForMail(waker: waker, longest: notifier.watchdogInterval)
                try storeLock?.resumeWriting()
            } catch let error as StoreError where !error.isOutOfSpace {
                // The store is the one thing the bot cannot work without: stop, loudly.
                logger.critical("store: \(error)")
                BotRunner.record(error, environment: environment)
                throw error
            } catch let error as StoreError {
                // A full disk: nothing leaves INBOX that is not stored, so waiting loses
                // nothing. Keep trying (with backoff) until space returns.
                logger.critical("store full: \(error); nothing is moved out of the mailbox until there is space; retrying in \(backoff)")
                runner.disconnect()
                BotRunner.record(error, environment: environment)
                try sleepAnsweringTheWatchdog(backoff)
                backoff = min(backoff * 2, maximumBackoff)
            } catch {
                logger.error("\(error); retrying in \(backoff)")
                notifier.status("waiting: \(Self.shortReason(error)), retry in \(backoff.components.seconds) s")
                runner.disconnect()
                BotRunner.record(error, environment: environment)
                try sleepAnsweringTheWatchdog(backoff)
                backoff = min(backoff * 2, maximumBackoff)
            }
        }
        runner.disconnect()
    }

    /// The retention rules, once a day (the loop holds the store's writing lock already).
    /// A failure is logged and tried again the next day: it must not stop the mail.
    static func purgeIfDue(environment: BotEnvironment, last: Date?) -> Date? {
        let now = environment.now()
        if let last, now.timeIntervalSince(last) < 86_400 { return last }
        do {
            let actions = try StorePurge(store: environment.store)
                .run(RetentionRules(environment.configuration.retention, timeZone: environment.timeZone), now: now, dryRun: false, by: "cpdbot run (daily)")
            if !actions.isEmpty { environment.logger.notice("retention: \(actions.joined(separator: "; "))") }
        } catch {
            environment.logger.error("retention: \(error)")
        }
        return now
    }

    /// The first line of an error, short enough for `systemctl status`.
    static func shortReason(_ error: any Error) -> String {
        let text = "\(error)".split(whereSeparator: \.isNewline).first.map(String.init) ?? "error"
        return text.count > 120 ? String(text.prefix(117)) + "..." : text
    }
}

/// Set once from the shutdown handler, read by the mail thread.
final class StopFlag: @unchecked Sendable {
    private let condition = NSCondition()
    private var value = false

    var isSet: Bool { condition.withLock { value } }

    func set() {
        condition.withLock {
            value = true
            condition.broadcast()
        }
    }

    /// Sleeps for `duration`, or until the flag is set.
    func sleep(for duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        let deadline = Date().addingTimeInterval(seconds)
        condition.withLock {
            while !value, condition.wait(until: deadline) {}
        }
    }
}

/// Pings systemd's watchdog from the mail loop, at most once a second (the loop checks for a
/// stop far more often than that).
final class Heartbeat: @unchecked Sendable {
    private let notifier: ServiceNotifier
    private let lock = NSLock()
    private var last = ContinuousClock.now - .seconds(60)

    init(notifier: ServiceNotifier) {
        self.notifier = notifier
    }

    func beat(force: Bool = false) {
        guard notifier.watchdogInterval != nil else { return }
        let now = ContinuousClock.now
        let due = lock.withLock {
            guard force || now - last >= .seconds(1) else { return false }
            last = now
            return true
        }
        if due { notifier.watchdog() }
    }
}

extension RetentionRules {
    /// The store's rules from the configuration's `retention.*`.
    public init(_ retention: CPDBotConfiguration.Retention, timeZone: TimeZone) {
        self.init(rawMessagesDays: retention.rawMessagesDays, journalPersonalDays: retention.journalPersonalDays,
                  closedCycleApplicationsYears: retention.closedCycleApplicationsYears, timeZone: timeZone)
    }
}
