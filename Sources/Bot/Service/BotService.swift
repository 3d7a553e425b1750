import Foundation
import Logging
import Mail
import ServiceLifecycle
import Store

/// `cpdbot run`: poll, send, wait for mail (IDLE or the poll interval), again, until a graceful
/// shutdown (SIGTERM/SIGINT), which finishes the message in hand. Mail servers that are down
/// are retried with exponential backoff; the reason is logged and kept for `cpdbot status`.
public struct BotService: Service {
    let environment: BotEnvironment
    /// Longest wait between two attempts when a server keeps failing.
    var maximumBackoff: Duration = .seconds(300)

    public init(environment: BotEnvironment) {
        self.environment = environment
    }

    public func run() async throws {
        let stop = StopFlag()
        let waker = try IdleWaker()
        try await withGracefulShutdownHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                // libcurl blocks: the loop gets a thread of its own, off the cooperative pool.
                let thread = Thread { [environment, maximumBackoff] in
                    do {
                        try Self.loop(environment: environment, stop: stop, waker: waker, maximumBackoff: maximumBackoff)
                        continuation.resume()
                    } catch {
                        continuation.resume(throwing: error)
                    }
                }
                thread.name = "cpdbot-mail"
                thread.start()
            }
        } onGracefulShutdown: {
            stop.set()
            waker.wake()
        }
    }

    static func loop(environment: BotEnvironment, stop: StopFlag, waker: IdleWaker, maximumBackoff: Duration) throws {
        let runner = try BotRunner(environment: environment)
        let logger = environment.logger
        var backoff: Duration = .seconds(1)
        var reminders = DailyReminders(environment: environment)
        while !stop.isSet {
            do {
                reminders.runIfDue()
                let report = try runner.poll(shouldStop: { stop.isSet })
                if report.seen > 0 || report.sent > 0 {
                    logger.info("poll: \(report.seen) message(s) \(report.outcomes.sorted { $0.key < $1.key }); sent \(report.sent)")
                }
                backoff = .seconds(1)
                if stop.isSet { break }
                try runner.waitForMail(waker: waker)
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
                stop.sleep(for: backoff)
                backoff = min(backoff * 2, maximumBackoff)
            } catch {
                logger.error("\(error); retrying in \(backoff)")
                runner.disconnect()
                BotRunner.record(error, environment: environment)
                stop.sleep(for: backoff)
                backoff = min(backoff * 2, maximumBackoff)
            }
        }
        runner.disconnect()
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
