import TestSupport
import Applications
import Foundation
import Logging
import Store
import Testing
@testable import Bot

/// The whole sample corpus delivered into the bot's mailbox in received order, one `poll`, then
/// every message in the folder of its expected outcome, the replies in the senders' mailboxes,
/// DSHR's reports, and the stored applications equal to the oracle's final rows per unit.
@Suite(.serialized, .enabled(if: MailSandbox.isAvailable, "mail sandbox not running (scripts/mail-sandbox up)"))
struct SampleMailboxTests {
    /// The bot's mailbox for this test (the samples are addressed to hr-intake, but routing does
    /// not depend on To:, and a mailbox of its own keeps the test apart from the demo and bench).
    static let bot = "staff1600@kazguu.kz"

    @Test func everySampleEndsInItsFolderWithTheRightReplies() throws {
        try MailSandbox.withSampleMailboxes {
            let sandbox = try MailSandbox()
            let corpus = try SampleCorpus.load()
            let people = Set(corpus.emails.compactMap(\.senderEffective) + corpus.emails.map(\.from) + ["dshr@kazguu.kz"])
                .filter { $0.hasSuffix("@kazguu.kz") && !$0.contains("mailer-daemon") }
            let roster = try String(contentsOf: SampleCorpus.directory.appendingPathComponent("roster.csv"), encoding: .utf8)
            let local = people.filter { roster.contains($0 + ",") }
            try sandbox.reset([Self.bot] + local.sorted())
            try sandbox.deliver(corpus.inReceivedOrder.map(corpus.url), to: Self.bot)

            let store = try TemporaryStore(roster: SampleCorpus.directory.appendingPathComponent("roster.csv"))
            let environment = BotEnvironment(
                configuration: sandbox.configuration(botUser: Self.bot, store: store.url), store: store.fileStore,
                templatesDirectory: MailSandbox.repository.appendingPathComponent("templates"), logger: Logger(label: "test"))
            let runner = try BotRunner(environment: environment)
            defer { runner.disconnect() }
            let report = try runner.poll()
            #expect(report.seen == corpus.emails.count)
            #expect(report.sendFailures == 0 || report.sent > 0)

            // Every message in its folder; INBOX holds at most the bot's own copies of what it sent
            // (the server's record of each accepted message), which the next pass files into Sent.
            let corpusIDs = Set(try corpus.emails.map(corpus.messageID))
            #expect(try sandbox.messageIDs(of: Self.bot, in: "INBOX").allSatisfy { !corpusIDs.contains($0) })
            var byFolder: [String: Set<String>] = [:]
            for folder in ["Processed", "Rejected", "Ignored", "Reported"] {
                byFolder[folder] = Set(try sandbox.messageIDs(of: Self.bot, in: folder))
            }
            for email in corpus.emails {
                let id = try corpus.messageID(email)
                #expect(byFolder[email.expectedFolder]?.contains(id) == true,
                        "\(email.file) should be in \(email.expectedFolder) (\(email.expectedAction))")
            }

            // Replies: every local sender who must be answered has an answer threaded to their message.
            // Postfix delivers through its queue: give it a moment.
            let answered = corpus.emails.filter { ["store_and_receipt", "reject_with_reply"].contains($0.expectedAction) }
                .filter { local.contains($0.senderEffective ?? $0.from) }
            try sandbox.waitUntil(seconds: 30) {
                try answered.allSatisfy { email in
                    let original = try corpus.messageID(email)
                    return try sandbox.messages(of: email.senderEffective ?? email.from)
                        .contains { MailSandbox.header("In-Reply-To", in: $0) == original }
                }
            }
            for email in answered {
                let recipient = email.senderEffective ?? email.from
                let original = try corpus.messageID(email)
                let replies = try sandbox.messages(of: recipient).filter {
                    MailSandbox.header("In-Reply-To", in: $0) == original
                }
                #expect(replies.count == 1, "\(email.file): \(replies.count) replies to \(recipient)")
                if let reply = replies.first {
                    #expect(MailSandbox.header("Auto-Submitted", in: reply) == "auto-replied")
                }
            }
            // Nobody gets an answer to an auto-reply or a report.
            for email in corpus.emails where ["ignore_no_reply", "report_to_dshr"].contains(email.expectedAction) {
                guard let recipient = email.senderEffective, local.contains(recipient) else { continue }
                let original = try corpus.messageID(email)
                #expect(try sandbox.messages(of: recipient).allSatisfy { MailSandbox.header("In-Reply-To", in: $0) != original },
                        "\(email.file) must not be answered")
            }
            let reports = corpus.emails.filter { $0.expectedAction == "report_to_dshr" }.count
            #expect(try sandbox.messages(of: "dshr@kazguu.kz").count >= reports)

            // The stored applications are the oracle's final rows, unit by unit.
            let rows = try store.fileStore.applications.all(cycle: corpus.cycle)
            let byUnit = Dictionary(grouping: rows, by: \.unit)
            #expect(Set(byUnit.keys) == Set(corpus.finalRowsByUnit.keys))
            for (unit, expected) in corpus.finalRowsByUnit {
                let stored = byUnit[unit] ?? []
                #expect(stored.count == expected.rows, "\(unit): \(stored.count) rows, expected \(expected.rows)")
                let email = try #require(corpus.emails.first { $0.file == expected.message })
                let id = try corpus.messageID(email).trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
                #expect(stored.allSatisfy { $0.messageID.trimmingCharacters(in: CharacterSet(charactersIn: "<>")) == id },
                        "\(unit): rows should come from \(expected.message)")
            }

            // A second poll finds nothing new and sends nothing again.
            let again = try runner.poll()
            #expect(again.seen == 0)
            #expect(again.outcomes.isEmpty)
            #expect(again.sent == 0)
            // Every copy of what was sent reaches the bot's mailbox, and a pass files it into Sent.
            try sandbox.waitUntil(seconds: 20) {
                try sandbox.messageIDs(of: Self.bot, in: "INBOX").count + sandbox.messageIDs(of: Self.bot, in: "Sent").count
                    >= report.sent
            }
            let filing = try runner.poll()
            #expect(filing.outcomes.isEmpty)
            #expect(try sandbox.messageIDs(of: Self.bot, in: "INBOX").isEmpty)
            #expect(try sandbox.messageIDs(of: Self.bot, in: "Sent").count >= report.sent)
        }
    }
}
