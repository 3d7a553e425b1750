import Foundation
import Store
import Testing

/// Issue 15: a backup taken while `run` works through a backlog of 500 application mails,
/// restored elsewhere: a backup taken when the run is idle gives the same export; the one
/// taken mid-run, restored and polled again, sends no receipt twice (the bot's copies in the
/// mailbox tell what the first instance sent after the backup).
@Suite(.serialized, .enabled(if: MailSandbox.isAvailable && CPDBotBinary.url != nil,
                             "needs the mail sandbox and a built cpdbot (swift build)"))
struct BackupDuringRunTests {
    static let bot = "staff1800@kazguu.kz"
    static let backlog = 500

    @Test func backupUnderLoadRestoresWithoutSendingTwice() throws {
        let sandbox = try MailSandbox()
        let heads = (1...12).map { n in (email: "staff\(1800 + n)@kazguu.kz", name: "Басшы Сақтық \(n)", unit: "Бөлім \(n)") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("mail"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var roster = "email,full_name,category,unit,role,leadership,lang\n"
        for (index, head) in heads.enumerated() {
            roster += "\(head.email),\(head.name),PPS,\(head.unit),head,yes,\(["kk", "ru", "en"][index % 3])\n"
        }
        roster += "dshr@kazguu.kz,ДШРД,ABP,ДШРД,dshr,yes,kk\n"
        let rosterURL = folder.appendingPathComponent("roster.csv")
        try roster.write(to: rosterURL, atomically: true, encoding: .utf8)
        try sandbox.reset([Self.bot] + heads.map(\.email))
        try sandbox.deliver(try ApplicationMail.backlog(count: Self.backlog, heads: heads, to: Self.bot, in: folder), to: Self.bot)

        let store = try TemporaryStore(roster: rosterURL)
        let config = try CPDBotBinary.writeConfig(sandbox: sandbox, bot: Self.bot, store: store.url, in: folder)
        let log = folder.appendingPathComponent("cpdbot.log")
        let run = try CPDBotBinary.start(["run", "--config", config.path], logTo: log)
        defer { if run.isRunning { kill(run.processIdentifier, SIGKILL) } }

        // Mid-run: some mail handled, much still to do.
        try sandbox.waitUntil(seconds: 60) { try store.fileStore.journal.events().events.contains { $0.event == .routed } }
        let midRun = folder.appendingPathComponent("mid-run.tar.gz")
        #expect(try Self.cpdbot(["backup", "--config", config.path, "--to", midRun.path], log: log) == 0)
        #expect(run.isRunning, "run must keep running while the backup is taken")

        // Idle: everything handled and sent (the copies filed); then a second backup, still running.
        try sandbox.waitUntil(seconds: 240) {
            try sandbox.messageIDs(of: Self.bot, in: "INBOX").isEmpty
                && store.fileStore.outbox.pending(now: .distantFuture).isEmpty
                && sandbox.messageIDs(of: Self.bot, in: "Processed").count == Self.backlog
        }
        let idle = folder.appendingPathComponent("idle.tar.gz")
        #expect(try Self.cpdbot(["backup", "--config", config.path, "--to", idle.path], log: log) == 0)
        kill(run.processIdentifier, SIGTERM)
        run.waitUntilExit()

        // Restored elsewhere, the idle backup exports the same applications.
        let restoredIdle = folder.appendingPathComponent("restored-idle")
        #expect(try Self.cpdbot(["restore", idle.path, "--store", restoredIdle.path], log: log) == 0)
        let original = try Self.export(config: config, log: log)
        let restoredConfig = folder.appendingPathComponent("restored-idle.yml")
        try String(contentsOf: config, encoding: .utf8).replacingOccurrences(of: store.url.path, with: restoredIdle.path)
            .write(to: restoredConfig, atomically: true, encoding: .utf8)
        #expect(try Self.export(config: restoredConfig, log: log) == original)
        #expect(!original.isEmpty)

        // The mid-run backup, restored and polled: what it still had to send was sent by the
        // first instance already, so nothing goes out again.
        let restoredMid = folder.appendingPathComponent("restored-mid")
        #expect(try Self.cpdbot(["restore", midRun.path, "--store", restoredMid.path], log: log) == 0)
        // Taken between two messages of the pass, the backup still had receipts to send.
        let restoreLine = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
            .last { $0.contains("into \(restoredMid.path)") }
        let unsent = restoreLine.flatMap { $0.split(separator: ";").last?.split(separator: " ").first }.flatMap { Int($0) }
        #expect((unsent ?? 0) > 0, "the mid-run backup should hold unsent receipts: \(restoreLine ?? "no restore line")")
        let midConfig = folder.appendingPathComponent("restored-mid.yml")
        try String(contentsOf: config, encoding: .utf8).replacingOccurrences(of: store.url.path, with: restoredMid.path)
            .write(to: midConfig, atomically: true, encoding: .utf8)
        #expect(try Self.cpdbot(["poll", "--config", midConfig.path], log: log) == 0)
        let midStore = try FileStore(root: restoredMid)
        #expect(try midStore.outbox.pending(now: .distantFuture).isEmpty)
        Thread.sleep(forTimeInterval: 3)  // anything sent twice would be delivered by now
        var receipts: [String: Int] = [:]
        for head in heads {
            for raw in try sandbox.messages(of: head.email) {
                if let parent = MailSandbox.header("In-Reply-To", in: raw), parent.hasSuffix("@test.kazguu.kz>") {
                    receipts[parent, default: 0] += 1
                }
            }
        }
        #expect(receipts.count == Self.backlog, "\(Self.backlog - receipts.count) receipts missing")
        let doubled = receipts.filter { $0.value > 1 }
        #expect(doubled.isEmpty, "receipts sent twice after the restore: \(doubled.keys.sorted().prefix(5))")
    }

    /// Runs the built cpdbot to the end; its exit status.
    static func cpdbot(_ arguments: [String], log: URL) throws -> Int32 {
        let process = try CPDBotBinary.start(arguments, logTo: log)
        process.waitUntilExit()
        return process.terminationStatus
    }

    static func export(config: URL, log: URL) throws -> String {
        let output = config.deletingLastPathComponent().appendingPathComponent("export-\(UUID().uuidString).csv")
        #expect(try cpdbot(["export", "applications", "--cycle", "2026-2027", "--config", config.path, "--output", output.path],
                           log: log) == 0)
        return try String(contentsOf: output, encoding: .utf8)
    }
}
