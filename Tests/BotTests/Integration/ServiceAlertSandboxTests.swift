import Config
import Foundation
import Logging
import MIME
import Store
import Testing
@testable import Bot

/// Issue 15, item 6, end to end: a message failing in the outbox for more than a day reaches
/// DSHR and `bot.admin` as one alert over two polls – through the sandbox's Postfix and Dovecot.
@Suite(.serialized, .enabled(if: MailSandbox.isAvailable, "mail sandbox not running (scripts/mail-sandbox up)"))
struct ServiceAlertSandboxTests {
    static let bot = "staff1522@kazguu.kz", dshr = "staff1521@kazguu.kz", admin = "staff1523@kazguu.kz"

    @Test func aFailedMessageIsAlertedOnceOverTwoPolls() throws {
        let sandbox = try MailSandbox()
        try sandbox.reset([Self.bot, Self.dshr, Self.admin])
        let storeURL = FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-alertsandbox-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: storeURL) }
        let store = try FileStore(root: storeURL)
        // Refused for good yesterday morning; two days later by the bot's (fake) clock.
        let queued = Date()
        _ = try store.outbox.enqueue(messageID: "stuck-\(UUID().uuidString)@kazguu.kz", purpose: "receipt:stuck",
                                     recipients: ["nobody@kazguu.kz"], subject: "Өтінім қабылданды", raw: Data("x".utf8), now: queued)
        let stuck = try #require(try store.outbox.all().first)
        _ = try store.outbox.markFailed(messageID: stuck.messageID, reason: "550 5.1.1 <nobody@kazguu.kz>: Recipient address rejected",
                                        permanent: true, now: queued)
        var configuration = sandbox.configuration(botUser: Self.bot, store: storeURL)
        configuration.bot.dshr = [Self.dshr]
        configuration.bot.admin = [Self.admin]
        configuration.bot.language = .kk
        let later = queued.addingTimeInterval(2 * 86_400)
        let environment = BotEnvironment(configuration: configuration, store: store,
                                         templatesDirectory: MailSandbox.repository.appendingPathComponent("templates"),
                                         logger: Logger(label: "test"), now: { later })
        let runner = try BotRunner(environment: environment)
        defer { runner.disconnect() }
        #expect(try runner.poll().sent == 1)
        #expect(try runner.poll().sent == 0)
        // A second runner (a restart, or the next `cpdbot poll`) remembers it too.
        let again = try BotRunner(environment: environment)
        defer { again.disconnect() }
        #expect(try again.poll().sent == 0)

        for person in [Self.dshr, Self.admin] {
            try sandbox.waitUntil(seconds: 20) { try !sandbox.messages(of: person).isEmpty }
            let messages = try sandbox.messages(of: person)
            #expect(messages.count == 1, "\(person): \(messages.count) message(s)")
            let subject = try MessageParser().parse([UInt8](try #require(messages.first))).subject ?? ""
            #expect(subject.hasPrefix("Боттың 1 хаты бір тәуліктен астам уақыт жеткізілмей тұр"), "\(subject)")
        }
        #expect(try store.alerts.load().active.map(\.key) == ["failed_outbox:\(stuck.messageID)"])
    }
}
