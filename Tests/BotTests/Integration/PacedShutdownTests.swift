import Foundation
import Store
import Testing

/// `cpdbot run` waiting for its next slot at `smtp.max_messages_per_minute: 6` (one message
/// every 10 s) stops at once on SIGTERM: the pacer never sleeps past a graceful shutdown, and
/// what waits stays queued. The bot is staff1951; its messages go to staff1952 (mailboxes no other suite uses).
@Suite(.serialized, .enabled(if: MailSandbox.isAvailable && CPDBotBinary.url != nil,
                             "needs the mail sandbox and a built cpdbot (swift build)"))
struct PacedShutdownTests {
    static let bot = "staff1951@kazguu.kz"
    static let recipient = "staff1952@kazguu.kz"

    @Test func sigtermEndsAPacedWait() throws {
        let sandbox = try MailSandbox()
        try sandbox.reset([Self.bot, Self.recipient])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-paced-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let storeURL = folder.appendingPathComponent("store")
        let store = try FileStore(root: storeURL)
        try Data("email,full_name,category,unit,role,leadership,lang\n\(Self.recipient),Қ,PPS,U,staff,no,kk\n".utf8)
            .write(to: folder.appendingPathComponent("roster.csv"))
        try store.roster.replace(with: Data(contentsOf: folder.appendingPathComponent("roster.csv")))
        let ids = (0..<30).map { "paced-\($0)-\(UUID().uuidString.prefix(8))@kazguu.kz" }
        for (n, id) in ids.enumerated() {
            let raw = "From: <\(Self.bot)>\r\nTo: <\(Self.recipient)>\r\nSubject: \(n)\r\nMessage-ID: <\(id)>\r\n\r\nbody \(n)\r\n"
            try store.outbox.enqueue(messageID: id, purpose: "paced-\(n)", recipients: [Self.recipient], subject: "\(n)",
                                     raw: Data(raw.utf8))
        }
        let config = try CPDBotBinary.writeConfig(sandbox: sandbox, bot: Self.bot, store: storeURL, in: folder,
                                                  smtp: ["max_messages_per_minute": "6"])
        let process = try CPDBotBinary.start(["run", "--config", config.path], logTo: folder.appendingPathComponent("run.log"))
        // The first message goes at once, the second 10 s later: stop in between.
        try sandbox.waitUntil(seconds: 20) { try sandbox.messageIDs(of: Self.recipient, in: "INBOX").count >= 1 }
        Thread.sleep(forTimeInterval: 2)
        let stopping = Date()
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        let took = Date().timeIntervalSince(stopping)
        #expect(process.terminationStatus == 0)
        #expect(took < 3, "the paced wait ended with the shutdown: \(took) s")
        let states = try ids.map { try #require(try store.outbox.entry(messageID: $0)).state }
        let sent = states.filter { if case .sent = $0 { true } else { false } }.count
        #expect((1...2).contains(sent), "one message every 10 s: \(sent) sent before SIGTERM")
        #expect(states.filter { $0 == .queued }.count == ids.count - sent, "the rest waits, queued")
    }
}
