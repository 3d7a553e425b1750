import Config
import Digest
import Foundation
import TestSupport
import Logging
import Mail
import Store
import Testing
@testable import Bot

/// Issue 18 items 4 and 5 against the sandbox's provider-like mailboxes (scripts/mail-sandbox):
/// - `exchange@kazguu.kz`: Sent is `Sent Items`, marked `\Sent`, and Postfix files a copy of
///   everything this mailbox submits there itself, as Exchange Online and Gmail do;
/// - `nsbox@kazguu.kz`: personal namespace `INBOX.` with separator `.`, Sent = `INBOX.Sent`.
/// Heads staff1941…1943 send applications; every receipt must be in Sent exactly once. (No other suite uses these mailboxes: the OAuth suite logs in as staff1960…1968.)
@Suite(.serialized, .enabled(if: ProviderMailboxes.areAvailable, "the sandbox has no exchange@/nsbox@ mailboxes (scripts/mail-sandbox up)"))
struct ProviderFoldersTests {
    static let heads = (1...3).map { n in (email: "staff\(1940 + n)@kazguu.kz", name: "Басшы Провайдер \(n)", unit: "Бөлім P\(n)") }

    struct Setup {
        let sandbox: MailSandbox
        let store: TemporaryStore
        var configuration: CPDBotConfiguration
        func runner() throws -> BotRunner {
            try BotRunner(environment: BotEnvironment(
                configuration: configuration, store: store.fileStore,
                templatesDirectory: MailSandbox.repository.appendingPathComponent("templates"), logger: Logger(label: "provider-test")))
        }
    }

    func setUp(bot: String) throws -> Setup {
        let sandbox = try MailSandbox()
        try sandbox.reset([bot] + Self.heads.map(\.email))
        var roster = "email,full_name,category,unit,role,leadership,lang\n"
        for (index, head) in Self.heads.enumerated() {
            roster += "\(head.email),\(head.name),PPS,\(head.unit),head,yes,\(["kk", "ru", "en"][index % 3])\n"
        }
        roster += "dshr@kazguu.kz,ДШРД,ABP,ДШРД,dshr,yes,kk\n"
        let rosterFile = FileManager.default.temporaryDirectory.appendingPathComponent("provider-roster-\(UUID().uuidString).csv")
        try roster.write(to: rosterFile, atomically: true, encoding: .utf8)
        let store = try TemporaryStore(roster: rosterFile)
        var configuration = sandbox.configuration(botUser: bot, store: store.url)
        configuration.replies.maxPerSenderPerHour = 1000
        return Setup(sandbox: sandbox, store: store, configuration: configuration)
    }

    /// Application mails `numbers` from the heads in turn, into the bot's INBOX.
    func deliver(_ numbers: ClosedRange<Int>, to bot: String, sandbox: MailSandbox) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("provider-mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var files: [URL] = []
        for number in numbers {
            let url = folder.appendingPathComponent("\(number).eml")
            try ApplicationMail.make(number: number, from: Self.heads[number % Self.heads.count], to: bot,
                                     date: Date(timeIntervalSince1970: 1_778_000_000 + Double(number))).write(to: url)
            files.append(url)
        }
        try sandbox.deliver(files, to: bot)
        return numbers.map { "<app-\($0)@test.kazguu.kz>" }
    }

    /// The In-Reply-To of every receipt in `folder` of `bot`.
    func receipts(in folder: String, of bot: String, sandbox: MailSandbox) throws -> [String] {
        (try? sandbox.messages(of: bot, in: folder))?.compactMap { MailSandbox.header("In-Reply-To", in: $0) } ?? []
    }

    @Test(arguments: [CPDBotConfiguration.SMTP.ServerSavesSent.auto, .yes])
    func exchangeEndsWithOneCopyOfEachReceiptInSentItems(mode: CPDBotConfiguration.SMTP.ServerSavesSent) throws {
        let bot = ProviderMailboxes.exchange
        var setup = try setUp(bot: bot)
        setup.configuration.smtp.serverSavesSent = mode
        let sandbox = setup.sandbox
        var originals = try deliver(9101...9106, to: bot, sandbox: sandbox)
        let runner = try setup.runner()
        defer { runner.disconnect() }
        let first = try runner.poll()
        #expect(first.sent == 6 && first.sendFailures == 0)
        if mode == .auto {
            // Learned from the first receipt, and kept in the store.
            let state = try setup.store.fileStore.mailbox.load(mailbox: "INBOX")
            #expect(state.serverSavesSent == true)
        }
        // More mail after the learning: these receipts go without the bot's own copy.
        originals += try deliver(9107...9112, to: bot, sandbox: sandbox)
        try sandbox.waitUntil(seconds: 20) { try receipts(in: "Sent Items", of: bot, sandbox: sandbox).count >= 6 }
        for _ in 0..<3 {
            _ = try runner.poll()
            Thread.sleep(forTimeInterval: 1)
        }
        try sandbox.waitUntil(seconds: 20) { try receipts(in: "Sent Items", of: bot, sandbox: sandbox).count >= 12 }
        _ = try runner.poll()

        let inSent = try receipts(in: "Sent Items", of: bot, sandbox: sandbox)
        #expect(inSent.sorted() == originals.sorted(), "one copy of each receipt in Sent Items: \(inSent.count)")
        #expect(try sandbox.messageIDs(of: bot, in: "INBOX").isEmpty, "no copy left in INBOX")
        #expect(try sandbox.messageIDs(of: bot, in: "Processed").count == 12)
        #expect(try sandbox.messageIDs(of: bot, in: "Sent").isEmpty, "no Sent folder of the bot's own")
        let listing = try sandbox.imap(bot)
        defer { listing.logout() }
        #expect(!(try listing.listMailboxes().map(\.name)).contains("Sent"))
        // Each head has each receipt once (Postfix delivers them while the test runs on: wait for all).
        func receiptsByOriginal() throws -> [String: Int] {
            var got: [String: Int] = [:]
            for head in Self.heads {
                for raw in try sandbox.messages(of: head.email) {
                    if let parent = MailSandbox.header("In-Reply-To", in: raw) { got[parent, default: 0] += 1 }
                }
            }
            return got
        }
        try sandbox.waitUntil(seconds: 60) { try receiptsByOriginal().values.reduce(0, +) >= originals.count }
        let got = try receiptsByOriginal()
        #expect(got.keys.sorted() == originals.sorted() && got.values.allSatisfy { $0 == 1 })
    }

    /// A crash between the server's 250 and the outbox update, in `yes` mode: the ledger is the
    /// server's copy in `Sent Items`, found by Message-ID – the message is not sent again.
    @Test func exchangeInFlightMessageFoundInSentItemsAfterACrash() throws {
        let bot = ProviderMailboxes.exchange
        var setup = try setUp(bot: bot)
        setup.configuration.smtp.serverSavesSent = .yes
        let sandbox = setup.sandbox
        let store = setup.store.fileStore
        let id = "inflight-\(UUID().uuidString.prefix(8))@kazguu.kz"
        let raw = "From: <\(bot)>\r\nTo: <\(Self.heads[0].email)>\r\nSubject: in flight\r\nMessage-ID: <\(id)>\r\n\r\nbody\r\n"
        try store.outbox.enqueue(messageID: id, purpose: "test-inflight", recipients: [Self.heads[0].email],
                                 subject: "in flight", raw: Data(raw.utf8))
        // The crash: the server took the message (250), the bot died before recording it. Its
        // in-flight mark is there and the entry is still queued.
        let smtp = try SMTPClient(settings: try ServerSettings.smtp(setup.configuration))
        _ = try smtp.send(Data(raw.utf8), from: bot, to: [Self.heads[0].email])
        let marker = store.outbox.directory.appendingPathComponent("inflight")
        try FileManager.default.createDirectory(at: marker, withIntermediateDirectories: true)
        try Data().write(to: marker.appendingPathComponent(SHA256.hexDigest(Data(id.utf8))))
        try sandbox.waitUntil(seconds: 20) { try sandbox.messageIDs(of: bot, in: "Sent Items").contains("<\(id)>") }

        let runner = try setup.runner()
        defer { runner.disconnect() }
        let report = try runner.poll()
        #expect(report.sent == 0, "found in Sent Items: not sent again")
        guard case .sent = try #require(try store.outbox.entry(messageID: id)).state else {
            Issue.record("the entry is recorded as sent")
            return
        }
        Thread.sleep(forTimeInterval: 2)
        #expect(try sandbox.messages(of: Self.heads[0].email).filter { MailSandbox.header("Message-ID", in: $0) == "<\(id)>" }.count == 1)
        #expect(try sandbox.messageIDs(of: bot, in: "Sent Items").filter { $0 == "<\(id)>" }.count == 1)
    }

    /// `CrashRecoveryTests` in the new mode: the bot (`server_saves_sent: yes`, so no copies of
    /// its own) killed with SIGKILL at random moments while it answers a backlog; in the end
    /// every message was handled once, every head has one receipt per message, and `Sent Items`
    /// holds exactly one copy of each receipt – the server's.
    @Test func exchangeSigkillAtRandomMomentsSendsNothingTwice() throws {
        let bot = ProviderMailboxes.exchange
        let setup = try setUp(bot: bot)
        let sandbox = setup.sandbox
        let backlog = 120
        let originals = try deliver(9301...(9300 + backlog), to: bot, sandbox: sandbox)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("provider-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let config = try CPDBotBinary.writeConfig(sandbox: sandbox, bot: bot, store: setup.store.url, in: folder,
                                                  smtp: ["server_saves_sent": "yes"])
        // Kill moments that the printed seed reproduces.
        var (generator, seed) = TestSeed.generator(for: "exchangeSigkillAtRandomMomentsSendsNothingTwice")
        var killedWhileRunning = 0
        for _ in 0..<8 {
            let process = try CPDBotBinary.start(["run", "--config", config.path], logTo: folder.appendingPathComponent("run.log"))
            Thread.sleep(forTimeInterval: 0.3 + Double(generator.next() % 1300) / 1000)
            if process.isRunning { killedWhileRunning += 1 }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        for _ in 0..<2 {
            let poll = try CPDBotBinary.start(["poll", "--config", config.path], logTo: folder.appendingPathComponent("poll.log"))
            poll.waitUntilExit()
            #expect(poll.terminationStatus == 0)
        }
        #expect(killedWhileRunning >= 6, "seed \(seed)")
        #expect(try sandbox.messageIDs(of: bot, in: "INBOX").isEmpty, "nothing left in INBOX, no copies of the bot's own")
        let processed = try sandbox.messageIDs(of: bot, in: "Processed")
        #expect(processed.sorted() == originals.sorted())
        let routed = Dictionary(grouping: try setup.store.fileStore.journal.events().events.filter { $0.event == .routed },
                                by: { $0.messageID ?? "" })
        #expect(routed.count == backlog && routed.values.allSatisfy { $0.count == 1 }, "a message was routed twice")

        var perOriginal: [String: Int] = [:]
        try sandbox.waitUntil(seconds: 60) {
            perOriginal = [:]
            for head in Self.heads {
                for raw in try sandbox.messages(of: head.email) {
                    if let parent = MailSandbox.header("In-Reply-To", in: raw) { perOriginal[parent, default: 0] += 1 }
                }
            }
            return perOriginal.count >= backlog
        }
        #expect(perOriginal.keys.sorted() == originals.sorted(), "seed \(seed): every message has its receipt")
        #expect(perOriginal.values.allSatisfy { $0 == 1 }, "seed \(seed): receipts sent twice: \(perOriginal.filter { $0.value > 1 }.keys.prefix(5))")
        var inSent: [String] = []
        try sandbox.waitUntil(seconds: 30) {
            inSent = try receipts(in: "Sent Items", of: bot, sandbox: sandbox)
            return inSent.count >= backlog
        }
        #expect(inSent.sorted() == originals.sorted(), "seed \(seed): one copy of each receipt in Sent Items")
    }

    @Test func namespaceBoxGetsItsFoldersUnderINBOXDot() throws {
        let bot = ProviderMailboxes.namespaced
        var setup = try setUp(bot: bot)
        // A Kazakh name for one outcome folder: created in modified UTF-7, listed back the same.
        setup.configuration.imap.processedFolder = "Өңделген"
        let sandbox = setup.sandbox
        let originals = try deliver(9201...9204, to: bot, sandbox: sandbox)
        let runner = try setup.runner()
        defer { runner.disconnect() }
        _ = try runner.poll()
        #expect(try setup.store.fileStore.mailbox.load(mailbox: "INBOX").serverSavesSent == false)
        try sandbox.waitUntil(seconds: 20) { try sandbox.messageIDs(of: bot, in: "INBOX").count >= 4 }
        _ = try runner.poll()

        let client = try sandbox.imap(bot)
        defer { client.logout() }
        let names = Set(try client.listMailboxes().map(\.name))
        for folder in ["INBOX.Өңделген", "INBOX.Rejected", "INBOX.Ignored", "INBOX.Reported", "INBOX.Sent"] {
            #expect(names.contains(folder), "\(folder) in \(names.sorted())")
        }
        #expect(!names.contains("Processed") && !names.contains("Sent"))
        #expect(try sandbox.messageIDs(of: bot, in: "INBOX.Өңделген").sorted() == originals.sorted())
        #expect(try receipts(in: "INBOX.Sent", of: bot, sandbox: sandbox).sorted() == originals.sorted())
        #expect(try sandbox.messageIDs(of: bot, in: "INBOX").isEmpty)
        let journal = try setup.store.fileStore.journal.events().events.filter { $0.event == .routed }
        #expect(journal.allSatisfy { $0.folder == "INBOX.Өңделген" }, "the journal names the real folder")
    }
}

/// The sandbox's provider-like mailboxes (added by the sandbox-oauth branch).
enum ProviderMailboxes {
    static let exchange = "exchange@kazguu.kz"
    static let namespaced = "nsbox@kazguu.kz"

    static let areAvailable: Bool = {
        guard MailSandbox.isAvailable, let sandbox = try? MailSandbox() else { return false }
        for user in [exchange, namespaced] {
            guard let client = try? sandbox.imap(user) else { return false }
            client.logout()
        }
        return true
    }()
}
