import Curl
import Digest
import Foundation
import Logging
import Mail
import Store
import Testing
import TestSupport
@testable import Bot

/// The outbox over a pipelining SMTP connection that breaks: what the server answered for is
/// recorded as sent; what was started but not answered keeps its in-flight mark and is resent
/// only after its copy failed to turn up in the bot's mailbox; what was not started waits.
/// IMAP is the real sandbox (the bot is staff1840). SMTP is a fault injector, not a stand-in
/// for Postfix: no real server can be made to drop the line right after one chosen message's
/// end of data. The same outage against the real Postfix is `ServerRestartTests`.
@Suite(.serialized, .enabled(if: MailSandbox.isAvailable, "mail sandbox not running (scripts/mail-sandbox up)"))
struct OutboxPipeliningTests {
    static let bot = "staff1840@kazguu.kz"

    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var date = Date()
        var now: Date { lock.withLock { date } }
        func advance(_ seconds: TimeInterval) { lock.withLock { date += seconds } }
    }

    @Test func aBrokenConnectionKeepsTheMarksOfWhatWasStarted() throws {
        let sandbox = try MailSandbox()
        try sandbox.reset([Self.bot])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outbox-pipelining-\(UUID().uuidString)")
        let store = try FileStore(root: folder)
        let clock = Clock()
        let environment = BotEnvironment(
            configuration: sandbox.configuration(botUser: Self.bot, store: folder), store: store,
            templatesDirectory: MailSandbox.repository.appendingPathComponent("templates"), logger: Logger(label: "test"),
            now: { clock.now })
        let renderer = try TemplateLibraryRenderer(directory: environment.templatesDirectory)
        var sender = OutboxSender(environment: environment, replies: ReplyWriter(environment: environment, renderer: renderer))
        sender.inFlightGrace = 1
        let ids = (0..<5).map { "outbox-pipe-\($0)-\(UUID().uuidString.prefix(8))@kazguu.kz" }
        for (n, id) in ids.enumerated() {
            let raw = "From: <\(Self.bot)>\r\nTo: <staff1841@kazguu.kz>\r\nSubject: \(n)\r\nMessage-ID: <\(id)>\r\n\r\n.body \(n)\r\n"
            try store.outbox.enqueue(messageID: id, purpose: "test-\(n)", recipients: ["staff1841@kazguu.kz"],
                                     subject: "\(n)", raw: Data(raw.utf8), now: clock.now)
        }
        let imap = try sandbox.imap(Self.bot)
        defer { imap.logout() }
        func smtp(_ server: FakeSubmissionServer) throws -> SMTPClient {
            try SMTPClient(settings: MailServerSettings(url: server.url, user: "", password: "", allowPlaintextOnLoopback: true,
                                                        responseTimeout: .seconds(10)))
        }
        func marked(_ n: Int) -> Bool {
            store.outbox.inFlight.markedAt(ids[n]) != nil
        }

        // The server drops the line after reading message 1's end of data; message 2's
        // commands went out with message 1's data, so it was started too.
        let dropping = try FakeSubmissionServer(dropAt: 1)
        #expect(throws: MailError.self) { _ = try sender.flush(smtp: try smtp(dropping), imap: imap) }
        #expect(dropping.acceptedMessageIDs() == ["<\(ids[0])>"])
        let states = try ids.map { try #require(try store.outbox.entry(messageID: $0)).state }
        guard case .sent = states[0] else { Issue.record("message 0 was answered with 250: \(states[0])"); return }
        for n in [1, 2] {
            guard case .failedTemporary = states[n] else { Issue.record("message \(n) was in flight: \(states[n])"); return }
            #expect(marked(n), "message \(n) keeps its in-flight mark")
        }
        for n in [3, 4] {
            #expect(states[n] == .queued, "message \(n) was never started")
            #expect(!marked(n))
        }
        #expect(!marked(0))

        // Later: no copy of 1 or 2 reached the bot's mailbox within the grace period, so they
        // are sent again, with 3 and 4.
        clock.advance(24 * 3600)
        let good = try FakeSubmissionServer()
        let summary = try sender.flush(smtp: try smtp(good), imap: imap)
        #expect(summary.sent == 4 && summary.foundAlreadySent == 0)
        #expect(Set(good.acceptedMessageIDs()) == Set(ids[1...].map { "<\($0)>" }))
        for n in 0..<5 { #expect(!marked(n)) }
    }
}
