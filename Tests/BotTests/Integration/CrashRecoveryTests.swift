import Foundation
import Store
import Testing

/// DESIGN.md "Nothing lost, nothing twice": a backlog of application mails, the bot killed with
/// SIGKILL at random moments and restarted; at the end every application is stored once and
/// every sender has exactly one receipt per message.
@Suite(.serialized, .enabled(if: MailSandbox.isAvailable && CPDBotBinary.url != nil,
                             "needs the mail sandbox and a built cpdbot (swift build)"))
struct CrashRecoveryTests {
    static let bot = "staff1990@kazguu.kz"
    static let backlog = 300
    static let kills = 12

    @Test func sigkillAtRandomMomentsLosesNothingAndSendsNothingTwice() throws {
        let sandbox = try MailSandbox()
        let rosterURL = SampleCorpus.directory.appendingPathComponent("roster.csv")
        let heads = try Self.heads(rosterURL)
        try #require(heads.count >= 3)
        try sandbox.reset([Self.bot] + heads.map(\.email) + ["dshr@kazguu.kz"])

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("mail"), withIntermediateDirectories: true)
        let start = Date(timeIntervalSince1970: 1_778_000_000)  // May 2026: before the deadline
        var files: [URL] = []
        for number in 1...Self.backlog {
            let head = heads[number % heads.count]
            let url = folder.appendingPathComponent("mail/\(number).eml")
            try ApplicationMail.make(number: number, from: head, to: Self.bot, date: start.addingTimeInterval(Double(number)))
                .write(to: url)
            files.append(url)
        }
        try sandbox.deliver(files, to: Self.bot)

        let store = try TemporaryStore(roster: rosterURL)
        let config = try CPDBotBinary.writeConfig(sandbox: sandbox, bot: Self.bot, store: store.url, in: folder)
        var generator = SystemRandomNumberGenerator()
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
        #expect(killedWhileRunning >= 10, "the bot must have been killed mid-work at least 10 times")

        // Nothing lost: every message handled once and moved.
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

    static func heads(_ roster: URL) throws -> [(email: String, name: String, unit: String)] {
        let text = try String(contentsOf: roster, encoding: .utf8)
        var seenUnits = Set<String>()
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 7, fields[4] == "head", seenUnits.insert(fields[3]).inserted else { return nil }
            return (fields[0], fields[1], fields[3])
        }
    }
}
