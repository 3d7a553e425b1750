import Foundation
import Intake
import Store
import Testing
import TestSupport
@testable import Bot

/// DESIGN.md "Nothing lost, nothing twice", checked exactly and without a mail server: the
/// intake pass (`MailboxPass`, `MessageHandler`, `ReadAhead`) and the outbox (`OutboxSender`)
/// against the in-memory server, with the process "killed" right after each step of a
/// message's life – fetched, stored, its receipt queued, journalled, moved, marked in flight,
/// sent – at each of its occurrences, then restarted over the same store and mailbox.
/// (`CrashRecoveryTests` does the same with SIGKILL against the real servers, at random moments.)
@Suite struct IntakeCrashTests {
    static let messages = 6

    @Test(arguments: CrashPoint.allCases)
    func aCrashAfterEachStepLosesNothingAndSendsNothingTwice(_ point: CrashPoint) throws {
        var crashed = 0
        for occurrence in 0..<12 {
            let bot = try InProcessBot()
            bot.deliverApplications(1...Self.messages)
            guard try bot.pollCrashing(at: point, occurrence: occurrence) else {
                // The step happens fewer times than this: the poll ran through, and was right.
                try bot.recover()
                try bot.expectNothingLostNothingTwice("\(point) #\(occurrence), no crash")
                break
            }
            crashed += 1
            try bot.recover()
            try bot.expectNothingLostNothingTwice("\(point) #\(occurrence)")
        }
        #expect(crashed > 0, "\(point) was never reached")
    }

    /// Several crashes in a row, at random steps, with new mail arriving between them.
    @Test func randomCrashesInARowLoseNothing() throws {
        var (generator, seed) = TestSeed.generator(for: "IntakeCrashTests.randomCrashesInARowLoseNothing")
        let bot = try InProcessBot()
        var next = 1
        for round in 0..<8 {
            let count = 1 + Int(generator.next() % 3)
            bot.deliverApplications(next...(next + count - 1))
            next += count
            let point = generator.pick(CrashPoint.allCases)
            let occurrence = Int(generator.next() % 3)
            let crashed = try bot.pollCrashing(at: point, occurrence: occurrence)
            print("seed \(seed), round \(round): \(count) new, crash \(point) #\(occurrence): \(crashed ? "crashed" : "ran through")")
            bot.crashes.restart()
        }
        try bot.recover()
        try bot.expectNothingLostNothingTwice("seed \(seed)")
    }

    /// Without a roster the messages are only kept (Processed, no reply); once the roster is
    /// installed they go back to INBOX and are answered – once, even with a crash right after
    /// they were moved back (`HeldMessages`).
    @Test(arguments: [false, true])
    func messagesKeptWithoutARosterAreAnsweredOnceItComes(crashAfterRelease: Bool) throws {
        let bot = try InProcessBot(withRoster: false)
        bot.deliverApplications(1...4)
        let kept = try bot.poll()
        #expect(kept.pass.outcomes[.processed] == 4)
        #expect(kept.sent.sent == 0)
        #expect(bot.server.messages(in: "Processed").count == 4)
        #expect(bot.server.submitted.isEmpty, "nothing is answered without a roster")

        try bot.installRoster()
        if crashAfterRelease {
            // The first move of the pass is the release from Processed back to INBOX.
            #expect(try bot.pollCrashing(at: .afterMove, occurrence: 0))
            #expect(bot.server.messages(in: "INBOX").count == 4, "released, then the crash")
        }
        try bot.recover()
        try bot.expectNothingLostNothingTwice(crashAfterRelease ? "crash after the release" : "released")
    }

    /// The control for the checks above: the bot's own copy is what proves a message went out
    /// before a crash. Take it away and the message cut off after sending is sent again – which
    /// `expectNothingLostNothingTwice` would report.
    @Test func withoutItsOwnCopyAMessageCutOffAfterSendingGoesOutTwice() throws {
        let bot = try InProcessBot()
        bot.deliverApplications(1...1)
        #expect(try bot.pollCrashing(at: .afterSend, occurrence: 0))
        bot.crashes.restart()
        let imap = bot.server.imapSession()
        try imap.select("INBOX", readOnly: false)
        let copies = bot.server.messages(in: "INBOX").filter {
            InMemoryMailServer.header("From", in: $0.data)?.contains(InProcessBot.address) == true
        }
        #expect(copies.count == 1)
        try imap.delete(uids: copies.map(\.uid))
        try bot.recover()
        let submitted = bot.server.submitted.map { InMemoryMailServer.header("Message-ID", in: $0.data) ?? "?" }
        #expect(submitted.count == 2 && Set(submitted).count == 1, "\(submitted)")
    }

    /// A message over `limits.max_message_bytes` is not downloaded: it is refused, filed in
    /// Rejected, and its sender is told once; the rest of the pass goes on.
    @Test func aMessageTooLargeToFetchIsRefusedAndTheRestHandled() throws {
        let bot = try InProcessBot()
        bot.deliverApplications(1...2)
        bot.server.maxMessageBytes = bot.server.messages(in: "INBOX").map(\.data.count).max()!
        let large = ApplicationMail.make(number: 99, from: bot.heads[0], to: bot.address, rows: 400,
                                         date: Date(timeIntervalSince1970: 1_778_010_000))
        bot.server.deliver(large)
        let first = try bot.poll()
        #expect(first.pass.outcomes[.processed] == 2)
        #expect(first.pass.outcomes[.rejected] == 1)
        #expect(bot.server.messageIDs(in: "Rejected") == ["<app-99@test.kazguu.kz>"])
        let toldTheSender = bot.server.delivered(to: bot.heads[0].email)
            .filter { InMemoryMailServer.header("In-Reply-To", in: $0) == "<app-99@test.kazguu.kz>" }
        #expect(toldTheSender.count == 1)
        // Polled again: nothing is answered twice.
        try bot.poll()
        try bot.poll()
        #expect(bot.server.delivered(to: bot.heads[0].email)
            .filter { InMemoryMailServer.header("In-Reply-To", in: $0) == "<app-99@test.kazguu.kz>" }.count == 1)
    }
}
