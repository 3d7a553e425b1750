import Foundation
import Store
import Testing

/// Dovecot and Postfix restarted while `cpdbot run` works through a backlog: the bot backs off,
/// reconnects, and in the end every message is handled once and answered once.
///
/// It stops the shared mail sandbox, so scripts/test runs it on its own, after every other test
/// (`CPDBOT_RESTART_TEST=1`); elsewhere it is skipped.
@Suite(.serialized, .enabled(if: MailSandbox.isAvailable && CPDBotBinary.url != nil
                                && ProcessInfo.processInfo.environment["CPDBOT_RESTART_TEST"] == "1",
                             "restarts the mail servers: run alone with CPDBOT_RESTART_TEST=1 (scripts/test does)"))
struct ServerRestartTests {
    static let bot = "staff1650@kazguu.kz"
    static let backlog = 600

    @Test func mailServersRestartedMidRunLoseNothing() throws {
        let sandbox = try MailSandbox()
        let heads = (1...6).map { n in (email: "staff\(1650 + n)@kazguu.kz", name: "Басшы \(n)", unit: "Бөлім R\(n)") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-restart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("mail"), withIntermediateDirectories: true)
        var roster = "email,full_name,category,unit,role,leadership,lang\n"
        for head in heads { roster += "\(head.email),\(head.name),PPS,\(head.unit),head,yes,ru\n" }
        let rosterURL = folder.appendingPathComponent("roster.csv")
        try roster.write(to: rosterURL, atomically: true, encoding: .utf8)
        try sandbox.reset([Self.bot] + heads.map(\.email))

        let start = Date(timeIntervalSince1970: 1_778_000_000)
        let files = try (1...Self.backlog).map { number -> URL in
            let url = folder.appendingPathComponent("mail/\(number).eml")
            try ApplicationMail.make(number: number, from: heads[number % heads.count], to: Self.bot,
                                     date: start.addingTimeInterval(Double(number))).write(to: url)
            return url
        }
        try sandbox.deliver(files, to: Self.bot)
        let store = try TemporaryStore(roster: rosterURL)
        let config = try CPDBotBinary.writeConfig(sandbox: sandbox, bot: Self.bot, store: store.url, in: folder)

        let log = folder.appendingPathComponent("run.log")
        let run = try CPDBotBinary.start(["run", "--config", config.path], logTo: log)
        Thread.sleep(forTimeInterval: 0.5)
        try sandbox.script(["down"])
        Thread.sleep(forTimeInterval: 3.0)
        try sandbox.script(["up"])

        // The service recovers by itself: every message answered once, INBOX empty.
        // Receipts are counted by their Message-ID: Postfix itself may deliver a message twice when
        // it is stopped between handing it to Dovecot and recording that (the same Message-ID
        // twice); the bot sending twice would show as two Message-IDs for one application.
        var receipts: [String: Int] = [:]
        try sandbox.waitUntil(seconds: 180) {
            var ids: [String: Set<String>] = [:]
            for head in heads {
                for raw in try sandbox.messages(of: head.email) {
                    if let parent = MailSandbox.header("In-Reply-To", in: raw) {
                        ids[parent, default: []].insert(MailSandbox.header("Message-ID", in: raw) ?? "")
                    }
                }
            }
            receipts = ids.mapValues(\.count)
            return receipts.count >= Self.backlog
        }
        run.terminate()
        run.waitUntilExit()
        #expect(run.terminationStatus == 0, "cpdbot run should stop cleanly on SIGTERM")
        #expect(receipts.count == Self.backlog)
        #expect(receipts.values.allSatisfy { $0 == 1 }, "a receipt was sent twice")
        let processed = try sandbox.messageIDs(of: Self.bot, in: "Processed")
        #expect(processed.count == Self.backlog && Set(processed).count == Self.backlog)
        let logText = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(logText.contains("retrying in"), "the outage should have been logged with the backoff")
        let sent = try store.fileStore.journal.events().events.filter { $0.event == .sent }
        #expect(Dictionary(grouping: sent, by: { $0.messageID ?? "" }).values.allSatisfy { $0.count == 1 },
                "the bot sent a message twice")
    }
}
