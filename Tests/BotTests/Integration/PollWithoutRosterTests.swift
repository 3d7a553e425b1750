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
}
