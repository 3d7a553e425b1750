import Foundation
import Store
import TestSupport
import Testing

/// DESIGN.md "Nothing lost, nothing twice": a backlog of application mails, the bot killed with
/// SIGKILL at random moments and restarted; at the end every application is stored once and
/// every sender has exactly one receipt per message.
@Suite(.serialized, .enabled(if: MailSandbox.isAvailable && CPDBotBinary.url != nil,
                             "needs the mail sandbox and a built cpdbot (swift build)"))
struct CrashRecoveryTests {
    static let bot = "staff1700@kazguu.kz"
    static let backlog = 300
    static let kills = 12

    @Test func sigkillAtRandomMomentsLosesNothingAndSendsNothingTwice() throws {
        let sandbox = try MailSandbox()
        // A roster of its own (heads staff1701…1712), so that no other test reads these mailboxes.
        let folderForRoster = FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-crash-roster-\(UUID().uuidString).csv")
        let heads = (1...12).map { n in
            (email: "staff\(1700 + n)@kazguu.kz", name: "Басшы Тест \(n)", unit: "Бөлім \(n)")
        }
        var roster = "email,full_name,category,unit,role,leadership,lang\n"
        for (index, head) in heads.enumerated() {
            roster += "\(head.email),\(head.name),PPS,\(head.unit),head,yes,\(["kk", "ru", "en"][index % 3])\n"
        }
        roster += "dshr@kazguu.kz,ДШРД,ABP,ДШРД,dshr,yes,kk\n"
        try roster.write(to: folderForRoster, atomically: true, encoding: .utf8)
        let rosterURL = folderForRoster
        try sandbox.reset([Self.bot] + heads.map(\.email))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("mail"), withIntermediateDirectories: true)
        try sandbox.deliver(try ApplicationMail.backlog(count: Self.backlog, heads: heads, to: Self.bot, in: folder), to: Self.bot)

        let store = try TemporaryStore(roster: rosterURL)
        let config = try CPDBotBinary.writeConfig(sandbox: sandbox, bot: Self.bot, store: store.url, in: folder)
        var (generator, seed) = TestSeed.generator(for: "sigkillAtRandomMomentsLosesNothingAndSendsNothingTwice")
        var killedWhileRunning = 0
        for _ in 0..<Self.kills {
            let process = try CPDBotBinary.start(["run", "--config", config.path], logTo: folder.appendingPathComponent("run.log"))
            Thread.sleep(forTimeInterval: Double.random(in: 0.3...1.6, using: &generator))
            if process.isRunning { killedWhileRunning += 1 }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        // Restarted for good: one poll finishes what is left (twice, in case the first only sends).
        for _ in 0..<2 {
            let poll = try CPDBotBinary.start(["poll", "--config", config.path], logTo: folder.appendingPathComponent("poll.log"))
            poll.waitUntilExit()
            #expect(poll.terminationStatus == 0)
        }
        #expect(killedWhileRunning >= 10, "seed \(seed): the bot must have been killed mid-work at least 10 times")

        // Nothing lost: every message handled once and moved (the bot's own copies of its last
        // receipts may still be on their way; wait for them, and one more pass files them).
        try sandbox.waitUntil(seconds: 30) {
            try sandbox.messageIDs(of: Self.bot, in: "INBOX").count + sandbox.messageIDs(of: Self.bot, in: "Sent").count
                >= Self.backlog
        }
        let filing = try CPDBotBinary.start(["poll", "--config", config.path], logTo: folder.appendingPathComponent("poll.log"))
        filing.waitUntilExit()
        #expect(try sandbox.messageIDs(of: Self.bot, in: "INBOX").isEmpty)
        let processed = try sandbox.messageIDs(of: Self.bot, in: "Processed")
        #expect(processed.count == Self.backlog)
        #expect(Set(processed).count == Self.backlog)
        let events = try store.fileStore.journal.events().events
        let routed = Dictionary(grouping: events.filter { $0.event == .routed }, by: { $0.messageID ?? "" })
        #expect(routed.count == Self.backlog)
        #expect(routed.values.allSatisfy { $0.count == 1 }, "a message was routed twice")

        // Nothing twice: exactly one receipt per message in the heads' mailboxes.
        var receipts: [String: Int] = [:]
        try sandbox.waitUntil(seconds: 60) {
            receipts = [:]
            for head in heads {
                for raw in try sandbox.messages(of: head.email) {
                    if let parent = MailSandbox.header("In-Reply-To", in: raw), parent.hasSuffix("@test.kazguu.kz>") {
                        receipts[parent, default: 0] += 1
                    }
                }
            }
            return receipts.count >= Self.backlog
        }
        #expect(receipts.count == Self.backlog, "\(Self.backlog - receipts.count) receipts missing")
        let doubled = receipts.filter { $0.value > 1 }
        #expect(doubled.isEmpty, "receipts sent twice: \(doubled.keys.sorted().prefix(5))")
        // The stored applications: each unit holds the rows of its newest message, once.
        let rows = try store.fileStore.applications.all(cycle: "2026-2027")
        #expect(Set(rows.map(\.unit)).count == Set(heads.map(\.unit)).count)
        #expect(rows.count == Set(heads.map(\.unit)).count * 2)
    }
}
