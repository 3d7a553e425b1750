import Config
import Foundation
import Logging
import MIME
import Regulation
import Store
import Testing
@testable import Bot

/// DSHR's daily summary and monthly compliance report through the real sandbox: a stranger's
/// message and a forged one are polled, then the day's reports reach DSHR's mailbox once, the
/// summary naming both, the compliance report with its CSV. Mailboxes staff1500 (the bot) to
/// staff1503 only: other suites use others.
@Suite(.serialized, .enabled(if: MailSandbox.isAvailable, "mail sandbox not running (scripts/mail-sandbox up)"))
struct DSHRReportsSandboxTests {
    static let bot = "staff1500@kazguu.kz"
    static let dshr = "staff1501@kazguu.kz"
    static let head = "staff1502@kazguu.kz"
    static let stranger = "staff1503@kazguu.kz"   // a real mailbox, not on the roster
    static let roster = """
        email,full_name,category,unit,role,leadership,lang
        \(dshr),Айгерим Сатпаева,ABP,HR,dshr,no,kk
        \(head),Бауыржан Оспанов,PPS,Law,head,yes,kk

        """

    static func message(from: String, subject: String, id: String, extraHeader: String = "") -> String {
        "\(extraHeader)From: <\(from)>\r\nTo: <\(bot)>\r\nSubject: \(DSHRMail.encoded(subject))\r\n"
            + "Date: \(DSHRMail.rfc5322(Date()))\r\nMessage-ID: <\(id)>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\nСәлеметсіз бе!\r\n"
    }

    @Test func summaryAndComplianceReachDSHROnce() throws {
        let sandbox = try MailSandbox()
        try sandbox.reset([Self.bot, Self.dshr, Self.head, Self.stranger])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dshr-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let unique = UUID().uuidString.prefix(8)
        let strangerSubject = "Өтінім \(unique)"
        let forgedSubject = "Шұғыл төлем \(unique)"
        let files = [
            ("stranger.eml", Self.message(from: Self.stranger, subject: strangerSubject, id: "stranger-\(unique)@x")),
            ("forged.eml", Self.message(from: Self.head, subject: forgedSubject, id: "forged-\(unique)@x",
                                        extraHeader: "Authentication-Results: mx.kazguu.kz; spf=fail smtp.mailfrom=evil.top;\r\n\tdmarc=fail header.from=kazguu.kz\r\n")),
        ].map { name, text -> URL in
            let url = folder.appendingPathComponent(name)
            try? Data(text.utf8).write(to: url)
            return url
        }
        try sandbox.deliver(files, to: Self.bot)
        let rosterFile = folder.appendingPathComponent("roster.csv")
        try Data(Self.roster.utf8).write(to: rosterFile)
        let store = try TemporaryStore(roster: rosterFile)
        var configuration = sandbox.configuration(botUser: Self.bot, store: store.url)
        configuration.bot.dshr = [Self.dshr]
        configuration.bot.language = .kk
        let environment = BotEnvironment(configuration: configuration, store: store.fileStore,
                                         templatesDirectory: MailSandbox.repository.appendingPathComponent("templates"),
                                         logger: Logger(label: "dshr-reports"))
        let runner = try BotRunner(environment: environment)
        defer { runner.disconnect() }
        let report = try runner.poll()
        #expect(report.outcomes["rejected"] == 1 && report.outcomes["reported"] == 1, "\(report.outcomes)")

        // 1 Dec 2026 (Tue) is December's first working day: the summary and the compliance report.
        let desk = try CycleDesk(environment: environment)
        let day = try #require(CivilDate(text: "2026-12-01"))
        #expect(desk.reportToDSHR(today: day).queued == ["daily_summary": 1, "compliance_report": 1])
        #expect(desk.reportToDSHR(today: day).queued.isEmpty, "twice on a day sends once")
        _ = try runner.flushOutbox()

        func reports() throws -> [(subject: String, text: String, files: [String])] {
            try sandbox.messages(of: Self.dshr).compactMap { raw in
                let message = try MessageParser().parse([UInt8](raw))
                guard message.header["Auto-Submitted"] == "auto-generated", let subject = message.subject,
                      subject.contains("шолуы") || subject.contains("Міндетті оқыту") else { return nil }
                var files: [String] = []
                if case let .multipart(parts) = message.root.content { files = parts.compactMap(\.filename) }
                return (subject, message.readableText(), files)
            }
        }
        try sandbox.waitUntil(seconds: 30) { try reports().count >= 2 }
        let received = try reports()
        #expect(received.count == 2, "\(received.map(\.subject))")
        let summary = try #require(received.first { $0.subject.contains("шолуы") })
        #expect(summary.subject.contains("2026 жылғы 1 желтоқсандағы") && summary.subject.contains("жалған"), "\(summary.subject)")
        for expected in [Self.stranger, "«\(strangerSubject)»", Self.head, "«\(forgedSubject)»", "→ Rejected", "→ Reported"] {
            #expect(summary.text.contains(expected), "\(expected) in:\n\(summary.text)")
        }
        let compliance = try #require(received.first { $0.subject.contains("Міндетті оқыту") })
        #expect(compliance.files == ["Міндетті_оқыту_01.12.2026.xlsx"], "DSHR's language")
        #expect(compliance.text.contains("Бауыржан Оспанов, Law <\(Self.head)>"))
    }
}
