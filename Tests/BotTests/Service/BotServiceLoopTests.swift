import Foundation
import Intake
import Mail
import Store
import Testing
import TestSupport
@testable import Bot

/// `BotService`'s loop (poll, wait, retry with backoff, stop) driven against the in-process
/// mail fakes: what `cpdbot run` does between SIGTERMs, without a mail server. Mailboxes
/// staff1470–1473 (in memory only).
@Suite struct BotServiceLoopTests {
    /// The runner the loop repeats: the in-process bot's poll (the pass over the fake INBOX,
    /// then the outbox), with failures to throw first and a hook in the wait for mail.
    final class FakeRunner: MailLoopRunner {
        let bot: InProcessBot
        /// Thrown by the next polls, in order, before any poll does its work.
        var failures: [any Error] = []
        /// Called in each wait for mail with the number of waits so far (the test stops the loop here).
        var onWait: (Int) -> Void = { _ in }
        private(set) var polls = 0, waits = 0, disconnects = 0
        private(set) var reports: [BotRunner.PollReport] = []
        var onSendProgress: (@Sendable (Int, Int) -> Void)?

        init(bot: InProcessBot) {
            self.bot = bot
        }

        func poll(shouldStop: () -> Bool) throws -> BotRunner.PollReport {
            polls += 1
            if !failures.isEmpty { throw failures.removeFirst() }
            let (pass, sent) = try bot.poll()
            let report = BotRunner.PollReport(
                seen: pass.seen - pass.sentCopies, sentCopies: pass.sentCopies,
                outcomes: Dictionary(uniqueKeysWithValues: pass.outcomes.map { ($0.key.rawValue, $0.value) }),
                sent: sent.sent, sendFailures: sent.temporaryFailures + sent.permanentFailures)
            reports.append(report)
            return report
        }

        func waitForMail(waker: IdleWaker?, longest: Duration?) throws {
            waits += 1
            onWait(waits)
        }

        func disconnect() { disconnects += 1 }
    }

    static func loop(_ runner: FakeRunner, stop: StopFlag) throws {
        try BotService.loop(environment: runner.bot.environment, runner: runner, stop: stop, waker: try IdleWaker(),
                            maximumBackoff: .seconds(1))
    }

    @Test func pollsUntilStoppedAndLeavesNothingUnhandled() throws {
        let bot = try InProcessBot(firstMailbox: 1470)
        bot.deliverApplications(1...4)
        let runner = FakeRunner(bot: bot)
        let stop = StopFlag()
        // The second wait is the shutdown: by then the receipts went out and their copies were filed.
        runner.onWait = { waits in if waits == 2 { stop.set() } }
        try Self.loop(runner, stop: stop)

        #expect(runner.polls == 2)
        #expect(runner.reports.first?.outcomes == ["processed": 4])
        #expect(runner.reports.first?.sent == 4)
        #expect(runner.reports.last?.sentCopies == 4)
        #expect(runner.disconnects == 1, "the loop lets go of its connections when it ends")
        try bot.expectNothingLostNothingTwice("loop")
        #expect(try bot.store.failure.last() == nil)
    }

    @Test func aMailServerFailureIsRecordedAndTheNextAttemptCarriesOn() throws {
        let bot = try InProcessBot(firstMailbox: 1470)
        bot.deliverApplications(1...3)
        let runner = FakeRunner(bot: bot)
        runner.failures = [MailError.commandFailed(server: "imap.test", command: "LOGIN", reply: "NO [UNAVAILABLE] try later")]
        let stop = StopFlag()
        runner.onWait = { waits in if waits == 2 { stop.set() } }
        try Self.loop(runner, stop: stop)

        // The failed attempt, then two polls that did the work.
        #expect(runner.polls == 3)
        #expect(runner.disconnects == 2, "dropped after the failure and at the end")
        let failure = try #require(try bot.store.failure.last())
        #expect(failure.what.contains("UNAVAILABLE"))
        #expect(try bot.store.journal.events().events.contains { $0.event == .error && $0.detail?.contains("UNAVAILABLE") == true })
        try bot.expectNothingLostNothingTwice("after a failed login")
    }

    @Test func aStoreThatCannotBeWrittenStopsTheLoopLoudly() throws {
        let bot = try InProcessBot(firstMailbox: 1470)
        bot.deliverApplications(1...2)
        let runner = FakeRunner(bot: bot)
        let broken = StoreError.corrupt(path: "/store/outbox/x.json", detail: "not the expected JSON")
        runner.failures = [broken]
        let stop = StopFlag()
        #expect(throws: StoreError.self) { try Self.loop(runner, stop: stop) }
        #expect(runner.polls == 1, "no retry: the bot cannot work without its store")
        #expect(try bot.store.failure.last()?.what.contains("not the expected JSON") == true)
        // Nothing left INBOX: the messages wait for a store that works.
        #expect(bot.server.messages(in: "INBOX").count == 2)
        #expect(bot.server.submitted.isEmpty)
    }

    @Test func aFullDiskIsWaitedOutAndNothingLeavesTheMailboxMeanwhile() throws {
        let bot = try InProcessBot(firstMailbox: 1470)
        bot.deliverApplications(1...2)
        let runner = FakeRunner(bot: bot)
        let full = StoreError.io(operation: "write", path: "/store/archive/x.eml", errno: ENOSPC)
        runner.failures = [full]
        let stop = StopFlag()
        runner.onWait = { waits in if waits == 2 { stop.set() } }
        try Self.loop(runner, stop: stop)
        #expect(runner.polls == 3, "retried after the backoff")
        #expect(try bot.store.failure.last() != nil)
        try bot.expectNothingLostNothingTwice("after a full disk")
    }
}
