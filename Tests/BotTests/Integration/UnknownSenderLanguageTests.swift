import Config
import Foundation
import Logging
import MIME
import Store
import Testing
@testable import Bot

/// Issue 14 item 6: someone the roster does not know is answered in the language they wrote in
/// (Kazakh letters, other Cyrillic, Latin), not in `bot.language`. Mailboxes staff1570 (the bot)
/// to staff1573 only: other suites use others.
@Suite(.serialized, .enabled(if: MailSandbox.isAvailable, "mail sandbox not running (scripts/mail-sandbox up)"))
struct UnknownSenderLanguageTests {
    static let bot = "staff1570@kazguu.kz"
    static let head = "staff1571@kazguu.kz"
    static let strangers: [(address: String, subject: String, body: String, language: String)] = [
        ("staff1572@kazguu.kz", "Өтінім туралы", "Сәлеметсіз бе! Бөлімшеміздің өтінімін қайда жіберу керек екенін айтып жібересіз бе?", "kk"),
        ("staff1573@kazguu.kz", "Hello", "Добрый день! Подскажите, пожалуйста, куда отправлять заявку кафедры?", "ru"),
    ]

    @Test func eachStrangerIsAnsweredInTheirOwnLanguage() throws {
        let sandbox = try MailSandbox()
        let people = Self.strangers.map { ($0.address, $0.language) }
        try sandbox.reset([Self.bot, Self.head] + people.map(\.0))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("strangers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let unique = UUID().uuidString.prefix(8)
        var files: [URL] = []
        for (index, stranger) in Self.strangers.enumerated() {
            let raw = "From: <\(stranger.address)>\r\nTo: <\(Self.bot)>\r\nSubject: \(DSHRMail.encoded(stranger.subject))\r\n"
                + "Date: \(DSHRMail.rfc5322(Date()))\r\nMessage-ID: <stranger-\(index)-\(unique)@x>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n\(stranger.body)\r\n"
            let url = folder.appendingPathComponent("\(index).eml")
            try Data(raw.utf8).write(to: url)
            files.append(url)
        }
        try sandbox.deliver(files, to: Self.bot)
        let rosterFile = folder.appendingPathComponent("roster.csv")
        try Data("email,full_name,category,unit,role,leadership,lang\n\(Self.head),Бауыржан Оспанов,PPS,Law,head,yes,kk\n".utf8)
            .write(to: rosterFile)
        let store = try TemporaryStore(roster: rosterFile)
        var configuration = sandbox.configuration(botUser: Self.bot, store: store.url)
        configuration.bot.language = .en  // neither stranger wrote English
        let environment = BotEnvironment(configuration: configuration, store: store.fileStore,
                                         templatesDirectory: MailSandbox.repository.appendingPathComponent("templates"),
                                         logger: Logger(label: "strangers"))
        let runner = try BotRunner(environment: environment)
        defer { runner.disconnect() }
        _ = try runner.poll()
        _ = try runner.flushOutbox()
        try sandbox.waitUntil(seconds: 30) { try people.allSatisfy { try !sandbox.messages(of: $0.0).isEmpty } }
        for (address, language) in people {
            let replies = try sandbox.messages(of: address)
            #expect(replies.count == 1, "\(address)")
            #expect(replies.first.flatMap { MailSandbox.header("Content-Language", in: $0) } == language, "\(address)")
        }
    }
}
