import Digest
import Foundation
import Logging
import Store
import Testing
@testable import Bot

/// A store without a roster: `poll` keeps every message byte for byte, moves it to Processed and
/// answers nobody (issue "Foundation": 50 messages in, INBOX empty, the same 50 in the store).
@Suite(.serialized, .enabled(if: MailSandbox.isAvailable, "mail sandbox not running (scripts/mail-sandbox up)"))
struct PollWithoutRosterTests {
    static let bot = "staff1620@kazguu.kz"

    @Test func fiftyMessagesAreKeptByteForByteAndMoved() throws {
        let sandbox = try MailSandbox()
        try sandbox.reset([Self.bot])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-noroster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var hashes = Set<String>()
        let files = try (1...50).map { number -> URL in
            let raw = "From: Someone \(number) <someone\(number)@example.org>\r\nTo: \(Self.bot)\r\nSubject: hello \(number)\r\n"
                + "Date: Wed, 25 Nov 2026 10:00:\(String(format: "%02d", number % 60)) +0500\r\nMessage-ID: <plain-\(number)@example.org>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nСәлем, \(number)!\r\n"
            let url = folder.appendingPathComponent("\(number).eml")
            try Data(raw.utf8).write(to: url)
            hashes.insert(SHA256.hexDigest(Data(raw.utf8)))
            return url
        }
        try sandbox.deliver(files, to: Self.bot)
        let storeURL = folder.appendingPathComponent("store")
        let store = try FileStore(root: storeURL)
        let environment = BotEnvironment(
            configuration: sandbox.configuration(botUser: Self.bot, store: storeURL), store: store,
            templatesDirectory: MailSandbox.repository.appendingPathComponent("templates"), logger: Logger(label: "test"))
        let runner = try BotRunner(environment: environment)
        defer { runner.disconnect() }
        let report = try runner.poll()
        #expect(report.seen == 50)
        #expect(report.outcomes["processed"] == 50)
        #expect(report.sent == 0)
        #expect(try sandbox.messageIDs(of: Self.bot, in: "INBOX").isEmpty)
        #expect(try sandbox.messageIDs(of: Self.bot, in: "Processed").count == 50)
        // Byte for byte: every stored file hashes to one of the delivered messages.
        var stored = Set<String>()
        let messages = storeURL.appendingPathComponent("messages")
        for month in try FileManager.default.contentsOfDirectory(atPath: messages.path) where !month.hasSuffix(".jsonl") {
            for name in try FileManager.default.contentsOfDirectory(atPath: messages.appendingPathComponent(month).path) {
                stored.insert(SHA256.hexDigest(try Data(contentsOf: messages.appendingPathComponent(month).appendingPathComponent(name))))
            }
        }
        #expect(stored == hashes)
        #expect(try store.outbox.all().isEmpty)
    }

    /// What was kept while there was no roster is routed once the roster is installed: the
    /// head's application is stored and answered, the stranger's message rejected and answered,
    /// each once; a further poll finds nothing to do.
    @Test func keptMessagesAreRoutedOnceTheRosterArrives() throws {
        let bot = "staff1621@kazguu.kz", head = "staff1622@kazguu.kz", dshr = "staff1623@kazguu.kz"
        let stranger = "staff1624@kazguu.kz"
        let sandbox = try MailSandbox()
        try sandbox.reset([bot, head, dshr, stranger])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-heldmail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let application = folder.appendingPathComponent("application.eml")
        try ApplicationMail.make(number: 1621, from: (email: head, name: "Сейтқали Әлібек", unit: "Тест бөлімі"), to: bot,
                                 date: Date()).write(to: application)
        let strangerMail = folder.appendingPathComponent("stranger.eml")
        try Data(("From: <\(stranger)>\r\nTo: <\(bot)>\r\nSubject: Сұрақ\r\nDate: Wed, 25 Nov 2026 10:00:00 +0500\r\n"
                  + "Message-ID: <held-stranger-\(UUID().uuidString)@kazguu.kz>\r\nMIME-Version: 1.0\r\n"
                  + "Content-Type: text/plain; charset=utf-8\r\n\r\nСәлеметсіз бе!\r\n").utf8).write(to: strangerMail)
        try sandbox.deliver([application, strangerMail], to: bot)

        let storeURL = folder.appendingPathComponent("store")
        let store = try FileStore(root: storeURL)
        let environment = BotEnvironment(
            configuration: sandbox.configuration(botUser: bot, store: storeURL), store: store,
            templatesDirectory: MailSandbox.repository.appendingPathComponent("templates"), logger: Logger(label: "test"))
        let runner = try BotRunner(environment: environment)
        defer { runner.disconnect() }

        let kept = try runner.poll()
        #expect(kept.outcomes["processed"] == 2)
        #expect(try store.outbox.all().isEmpty)
        #expect(try sandbox.messageIDs(of: bot, in: "Processed").count == 2)

        try ("email,full_name,category,unit,role,leadership,lang\n"
             + "\(head),Сейтқали Әлібек,PPS,Тест бөлімі,head,yes,kk\n"
             + "\(dshr),ДШРД,ABP,ДШРД,dshr,yes,kk\n").write(to: store.roster.url, atomically: true, encoding: .utf8)
        let routed = try runner.poll()
        #expect(routed.seen == 2)
        #expect(routed.outcomes["processed"] == 1)
        #expect(routed.outcomes["rejected"] == 1)
        // INBOX now holds only the bot's own copies of its two replies (filed into Sent by the next poll).
        #expect(try !sandbox.messageIDs(of: bot, in: "INBOX").contains("<app-1621@test.kazguu.kz>"))
        #expect(try sandbox.messageIDs(of: bot, in: "Processed") == ["<app-1621@test.kazguu.kz>"])
        #expect(try sandbox.messageIDs(of: bot, in: "Rejected").count == 1)
        // The receipt and the polite refusal arrive, one each.
        try sandbox.waitUntil(seconds: 20) {
            try sandbox.messageIDs(of: head, in: "INBOX").count == 1 && sandbox.messageIDs(of: stranger, in: "INBOX").count == 1
        }
        let sentBefore = try store.outbox.all().count

        let again = try runner.poll()
        #expect(again.outcomes["processed", default: 0] + again.outcomes["rejected", default: 0] == 0)
        #expect(try store.outbox.all().count == sentBefore)
        #expect(try sandbox.messageIDs(of: head, in: "INBOX").count == 1)
    }
}
