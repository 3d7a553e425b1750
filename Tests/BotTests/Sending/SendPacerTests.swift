import Config
import Foundation
import Testing
@testable import Bot

/// The pacer with a clock whose sleep moves time on: limits per minute and per day, a resume
/// after a restart, throttling pauses, a shutdown while waiting. No real time passes.
@Suite struct SendPacerTests {
    /// A clock that only moves when someone sleeps.
    final class FakeClock: @unchecked Sendable {
        private let lock = NSLock()
        private var date: Date
        private(set) var slept: TimeInterval = 0
        init(_ date: Date) { self.date = date }
        var now: Date { lock.withLock { date } }
        func advance(_ seconds: TimeInterval) { lock.withLock { date += seconds; slept += seconds } }
        var clock: SendPacer.Clock { SendPacer.Clock(now: { self.now }, sleep: { self.advance($0) }) }
    }

    /// 10:00 in Almaty (05:00 UTC) on 7 December 2026.
    static let morning = Date(timeIntervalSince1970: 1_796_619_600)

    @Test func almatyMidnight() {
        let start = SendPacer.dayStart(of: Self.morning, in: CPDBotConfiguration.defaultTimeZone)
        #expect(Self.morning.timeIntervalSince(start) == 10 * 3600)
        #expect(SendPacer.dayStart(of: start, in: CPDBotConfiguration.defaultTimeZone) == start)
        #expect(SendPacer.dayStart(of: start - 1, in: CPDBotConfiguration.defaultTimeZone) == start - 86_400)
    }

    @Test func unlimitedNeverWaits() {
        let fake = FakeClock(Self.morning)
        let pacer = SendPacer(limits: .init(), clock: fake.clock)
        for _ in 0..<1_000 { #expect(pacer.acquire(recipients: 5, shouldStop: { false }) == .granted) }
        #expect(fake.slept == 0)
    }

    @Test func messagesPerMinuteAreEvenlySpaced() {
        let fake = FakeClock(Self.morning)
        let pacer = SendPacer(limits: .init(messagesPerMinute: 30), clock: fake.clock)
        var starts: [Date] = []
        for _ in 0..<61 {
            #expect(pacer.acquire(recipients: 1, shouldStop: { false }) == .granted)
            starts.append(fake.now)
        }
        // 2 s apart: 61 starts take exactly two minutes, and no 60-second window holds more than 30.
        #expect(starts.last!.timeIntervalSince(starts.first!) == 120)
        for (index, start) in starts.enumerated() {
            #expect(starts[index...].prefix { $0 < start + 60 }.count <= 30)
        }
    }

    @Test func sharedByThreads() {
        let fake = FakeClock(Self.morning)
        let pacer = SendPacer(limits: .init(messagesPerMinute: 600), clock: fake.clock)
        final class Count: @unchecked Sendable {
            let lock = NSLock()
            var value = 0
        }
        let granted = Count()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<50 where pacer.acquire(recipients: 1, shouldStop: { false }) == .granted {
                granted.lock.withLock { granted.value += 1 }
            }
        }
        #expect(granted.value == 200)
        // 200 starts 0.1 s apart reserve 19.9 s of slots, whichever thread took them.
        #expect(fake.now.timeIntervalSince(Self.morning) >= 19.9 - 1e-6)
    }

    @Test func dailyRecipientBudget() {
        let fake = FakeClock(Self.morning)
        let pacer = SendPacer(limits: .init(recipientsPerDay: 10), clock: fake.clock)
        for _ in 0..<5 { #expect(pacer.acquire(recipients: 2, shouldStop: { false }) == .granted) }
        let midnight = SendPacer.dayStart(of: Self.morning, in: CPDBotConfiguration.defaultTimeZone) + 86_400
        #expect(pacer.acquire(recipients: 1, shouldStop: { false }) == .dayBudgetUsed(until: midnight))
        #expect(pacer.isHolding)
        #expect(pacer.newlyHeldUntilDayEnd() == midnight)
        #expect(pacer.acquire(recipients: 1, shouldStop: { false }) == .dayBudgetUsed(until: midnight))
        #expect(pacer.newlyHeldUntilDayEnd() == nil, "logged once a day")
        fake.advance(midnight.timeIntervalSince(fake.now))
        #expect(!pacer.isHolding)
        #expect(pacer.acquire(recipients: 2, shouldStop: { false }) == .granted)
        // One message larger than the whole budget still goes, alone, on a fresh day.
        fake.advance(86_400)
        #expect(pacer.acquire(recipients: 25, shouldStop: { false }) == .granted)
        #expect(pacer.acquire(recipients: 1, shouldStop: { false }) == .dayBudgetUsed(until: midnight + 2 * 86_400))
    }

    @Test func resumesAfterARestart() {
        let fake = FakeClock(Self.morning)
        // Before the restart: 9 recipients today, the last message one second ago; and some yesterday.
        let sent: [(at: Date, recipients: Int)] = [
            (Self.morning - 3600, 4), (Self.morning - 1, 5), (Self.morning - 11 * 3600, 100),
        ]
        let pacer = SendPacer(limits: .init(messagesPerMinute: 6, recipientsPerDay: 10), clock: fake.clock, sent: sent)
        // 10 s between starts: the next one waits the 9 s left; the day has room for 1 more.
        #expect(pacer.acquire(recipients: 1, shouldStop: { false }) == .granted)
        #expect(fake.slept == 9)
        guard case .dayBudgetUsed = pacer.acquire(recipients: 1, shouldStop: { false }) else {
            Issue.record("today's budget of 10 was used before and after the restart")
            return
        }
    }

    @Test func throttlingPausesEveryoneWithBackoff() {
        let fake = FakeClock(Self.morning)
        let pacer = SendPacer(limits: .init(), clock: fake.clock)
        let first = pacer.throttled()
        #expect(first == Self.morning + 60)
        #expect(pacer.acquire(recipients: 1, shouldStop: { false }) == .paused(until: first))
        #expect(pacer.isHolding)
        fake.advance(60)
        #expect(pacer.acquire(recipients: 1, shouldStop: { false }) == .granted)
        // Throttled again before a success: the pause doubles, up to 15 minutes.
        #expect(pacer.throttled() == fake.now + 120)
        #expect(pacer.throttled() == fake.now + 240)
        for _ in 0..<5 { pacer.throttled() }
        #expect(pacer.throttled() == fake.now + 900)
        pacer.succeeded()
        #expect(pacer.throttled() == fake.now + 60)
    }

    @Test func aShutdownEndsTheWait() {
        let fake = FakeClock(Self.morning)
        let pacer = SendPacer(limits: .init(messagesPerMinute: 1), clock: fake.clock)
        #expect(pacer.acquire(recipients: 1, shouldStop: { false }) == .granted)
        // The next start is a minute away; the shutdown comes after two seconds of waiting.
        #expect(pacer.acquire(recipients: 1, shouldStop: { fake.now >= Self.morning + 2 }) == .stopped)
        #expect(fake.slept < 3)
    }

    @Test func estimates() {
        let start = Self.morning
        let unlimited = SendPacer.estimatedFinish(messages: 2_000, recipientsEach: 2, limits: .init(), start: start)
        #expect(unlimited == start)
        // 2,000 at 600 a minute: 1,999 intervals of 0.1 s.
        let paced = SendPacer.estimatedFinish(messages: 2_000, recipientsEach: 2, limits: .init(messagesPerMinute: 600), start: start)
        #expect(abs(paced.timeIntervalSince(start) - 199.9) < 1e-6)
        // Exchange Online: 30 a minute, 10,000 recipients a day; 6,000 people with the bot's copy
        // = 12,000 recipients: 5,000 today, the rest from the next Almaty midnight.
        let exchange = SendPacer.Limits(messagesPerMinute: 30, recipientsPerDay: 10_000)
        let finish = SendPacer.estimatedFinish(messages: 6_000, recipientsEach: 2, limits: exchange, start: start)
        let nextMidnight = SendPacer.dayStart(of: start, in: CPDBotConfiguration.defaultTimeZone) + 86_400
        #expect(finish == nextMidnight + 999 * 2)
    }
}
