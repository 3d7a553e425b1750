import Curl
import Foundation
import Logging
import Mail
import Store
import Testing
import TestSupport
@testable import Bot

/// A provider's "too fast" (`451 4.7.500`, `421 4.7.0`) from the fake submission server: the
/// message waits and is sent after the pause – not a failure, no note to DSHR, and in the end
/// every message was accepted exactly once. IMAP is the sandbox's, as in
/// `OutboxPipeliningTests` (the bot is staff1842).
@Suite(.serialized, .enabled(if: MailSandbox.isAvailable, "mail sandbox not running (scripts/mail-sandbox up)"))
struct OutboxThrottlingTests {
    static let bot = "staff1842@kazguu.kz"

    @Test(arguments: ["451 4.7.500 Server busy. Please try again later.", "421 4.7.0 Try again later, closing connection."])
    func aThrottlingReplyIsRetriedNotFailed(reply: String) throws {
        let sandbox = try MailSandbox()
        try sandbox.reset([Self.bot])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outbox-throttle-\(UUID().uuidString)")
        let store = try FileStore(root: folder)
        let clock = OutboxPipeliningTests.Clock()
        let environment = BotEnvironment(
            configuration: sandbox.configuration(botUser: Self.bot, store: folder), store: store,
            templatesDirectory: MailSandbox.repository.appendingPathComponent("templates"), logger: Logger(label: "test"),
            now: { clock.now })
        let renderer = try TemplateLibraryRenderer(directory: environment.templatesDirectory)
        // The pacer's pause runs on the test's clock: no minute of real waiting.
        let pacer = SendPacer(limits: .init(), clock: SendPacer.Clock(now: { clock.now }, sleep: { clock.advance($0) }))
        var sender = OutboxSender(environment: environment, replies: ReplyWriter(environment: environment, renderer: renderer),
                                  pacer: pacer)
        sender.inFlightGrace = 1
        let ids = (0..<5).map { "outbox-throttle-\($0)-\(UUID().uuidString.prefix(8))@kazguu.kz" }
        for (n, id) in ids.enumerated() {
            let raw = "From: <\(Self.bot)>\r\nTo: <staff1843@kazguu.kz>\r\nSubject: \(n)\r\nMessage-ID: <\(id)>\r\n\r\nbody \(n)\r\n"
            try store.outbox.enqueue(messageID: id, purpose: "test-\(n)", recipients: ["staff1843@kazguu.kz"],
                                     subject: "\(n)", raw: Data(raw.utf8), now: clock.now)
        }
        let imap = try sandbox.imap(Self.bot)
        defer { imap.logout() }
        func smtp(_ server: FakeSubmissionServer) throws -> SMTPClient {
            try SMTPClient(settings: MailServerSettings(url: server.url, user: "", password: "", allowPlaintextOnLoopback: true,
                                                        responseTimeout: .seconds(10)))
        }

        let throttling = try FakeSubmissionServer(throttleAt: 2, throttleReply: reply)
        // A 421 closes the connection too: what was started after message 2 waits with its
        // in-flight mark; still no error and no failure. (The client quits at the end of the
        // closure, so the fake server can tell what it accepted.)
        let first = try { try sender.flush(smtp: try smtp(throttling), imap: imap) }()
        #expect(first.throttled >= 1)
        let acceptedFirst = throttling.acceptedMessageIDs()
        #expect(acceptedFirst.prefix(2) == ["<\(ids[0])>", "<\(ids[1])>"])
        #expect(first.permanentFailures == 0 && first.temporaryFailures == 0)
        let throttled = try #require(try store.outbox.entry(messageID: ids[2]))
        guard case .throttled(let until, let reason) = throttled.state else {
            Issue.record("message 2 was throttled: \(throttled.state)")
            return
        }
        #expect(reason.contains(String(reply.prefix(9))) && throttled.state.attempts == 0)
        #expect(pacer.isHolding && until > clock.now)
        // Not a failure: nothing for DSHR, nothing in the journal as failed.
        #expect(try store.outbox.all().allSatisfy { !$0.purpose.hasPrefix("report") })
        #expect(try store.journal.events().events.allSatisfy { $0.event != .sendFailed })
        // While the pause lasts, nothing is sent.
        #expect(try sender.flush(smtp: try smtp(try FakeSubmissionServer()), imap: imap).sent == 0)

        clock.advance(61)
        let good = try FakeSubmissionServer()
        let second = try sender.flush(smtp: try smtp(good), imap: imap)
        #expect(second.permanentFailures == 0 && second.temporaryFailures == 0 && second.throttled == 0)
        let all = acceptedFirst + good.acceptedMessageIDs()
        #expect(all.sorted() == ids.map { "<\($0)>" }.sorted(), "each message accepted exactly once")
        for id in ids {
            guard case .sent = try #require(try store.outbox.entry(messageID: id)).state else {
                Issue.record("\(id) not sent")
                continue
            }
        }
    }
}
