import Config
import Foundation
@testable import Intake
import Logging
import Mail
import Store
import Testing
import TestSupport
@testable import Bot

extension InMemoryMailServer.IMAPSession: MailboxSession {}
extension InMemoryMailServer.SMTPSession: MessageSubmission {}

/// The bot's intake and outbox with a real file store and the real templates, against an
/// in-memory mail server (`InMemoryMailServer`): what `BotRunner.poll` does – the pass over
/// INBOX, then the outbox – without a mail server, so that crashes can be injected at every
/// step of a message's life (`CrashSwitch`) and the outcome checked exactly.
///
/// Addresses are in the suite's range (staff1410–1413 unless `firstMailbox` says otherwise);
/// nothing here reaches a real server.
final class InProcessBot {
    typealias Head = (email: String, name: String, unit: String)

    static let address = "staff1410@kazguu.kz"
    /// The bot's address, then three heads: staff<firstMailbox>…staff<firstMailbox + 3>.
    let address: String
    let heads: [Head]

    let crashes = CrashSwitch()
    let server: InMemoryMailServer
    let folder: URL
    let store: FileStore
    let environment: BotEnvironment
    let renderer: TemplateLibraryRenderer
    /// The applications delivered so far: Message-ID (`<…>`) → the head who sent it.
    private(set) var originals: [String: Head] = [:]

    /// A bot with an empty store; `withRoster` installs the heads' roster.
    init(withRoster: Bool = true, firstMailbox: Int = 1410) throws {
        address = "staff\(firstMailbox)@kazguu.kz"
        heads = (1...3).map { n in
            (email: "staff\(firstMailbox + n)@kazguu.kz", name: "Басшы Тест \(n)", unit: "Бөлім \(n)")
        }
        server = InMemoryMailServer(owner: address, crashes: crashes)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-inprocess-\(UUID().uuidString)")
        store = try FileStore(root: folder)
        var configuration = CPDBotConfiguration()
        configuration.bot.address = address
        configuration.imap.user = address
        configuration.store.path = folder.path
        // A head sends many applications here within the hour; the hourly reply limit has its own tests.
        configuration.replies.maxPerSenderPerHour = 100
        environment = BotEnvironment(configuration: configuration, store: store,
                                     templatesDirectory: MailSandbox.repository.appendingPathComponent("templates"),
                                     logger: Logger(label: "in-process-bot"))
        renderer = try TemplateLibraryRenderer(directory: environment.templatesDirectory)
        if withRoster { try installRoster() }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func installRoster() throws {
        var roster = "email,full_name,category,unit,role,leadership,lang\n"
        for (index, head) in heads.enumerated() {
            roster += "\(head.email),\(head.name),PPS,\(head.unit),head,yes,\(["kk", "ru", "en"][index % 3])\n"
        }
        roster += "dshr@kazguu.kz,ДШРД,ABP,ДШРД,dshr,yes,kk\n"
        try store.roster.replace(with: Data(roster.utf8))
    }

    /// Delivers application mails `numbers` into INBOX, from the heads in turn, one minute apart in May 2026.
    func deliverApplications(_ numbers: ClosedRange<Int>) {
        let start = Date(timeIntervalSince1970: 1_778_000_000)
        for number in numbers {
            let head = heads[number % heads.count]
            let date = start.addingTimeInterval(Double(number) * 60)
            server.deliver(ApplicationMail.make(number: number, from: head, to: address, date: date), receivedAt: date)
            originals["<app-\(number)@test.kazguu.kz>"] = head
        }
    }

    /// The crash point of a step of the handler.
    static func crashPoint(_ step: MessageHandler.Step) -> CrashPoint {
        switch step {
        case .fetched: .afterFetch
        case .archived: .afterStore
        case .acted: .afterQueue
        case .routed: .afterRoute
        }
    }

    /// One poll as a freshly started process does it: new handler, pass and sender over the
    /// same store and server. Throws `SimulatedCrash` where the armed crash hits.
    @discardableResult
    func poll() throws -> (pass: MailboxPass.Summary, sent: OutboxSender.Summary) {
        var handler = MessageHandler(environment: environment, renderer: renderer)
        let crashes = crashes
        handler.afterStep = { step in try crashes.reached(Self.crashPoint(step)) }
        let imap = server.imapSession()
        let pass = try MailboxPass(environment: environment, handler: handler).run(imap: imap, shouldStop: { false })
        var sender = OutboxSender(environment: environment, replies: ReplyWriter(environment: environment, renderer: renderer),
                                  folders: handler.folders)
        // No delivery to wait for: a copy that is not in the fake mailbox now never will be.
        sender.inFlightGrace = 0
        let sent = try sender.flush(smtp: server.smtpSession(), imap: imap)
        return (pass, sent)
    }

    /// Polls with `point` armed for its `occurrence`-th time; true when the crash happened
    /// (the process is then "dead" until `restart`).
    func pollCrashing(at point: CrashPoint, occurrence: Int) throws -> Bool {
        crashes.arm(point, occurrence: occurrence)
        do {
            try poll()
        } catch let crash as SimulatedCrash {
            #expect(crashes.hasCrashed, "\(crash) thrown but the switch is not down")
            return true
        }
        crashes.restart()
        return false
    }

    /// Restarts after a crash and polls until nothing is left to do (the bot's own copies of
    /// the last receipts are filed by the poll after the one that sent them).
    func recover() throws {
        crashes.restart()
        for _ in 0..<4 {
            try poll()
            let pending = try store.outbox.pending(now: .distantFuture)
            if server.messages(in: "INBOX").isEmpty, pending.isEmpty { return }
        }
        Issue.record("four polls after the crash left \(server.messages(in: "INBOX").count) message(s) in INBOX")
    }

    /// Nothing lost, nothing twice (DESIGN.md): every application handled once and filed once,
    /// its application stored, exactly one receipt to its head, each message SMTP took taken
    /// once and its copy filed once in Sent, the outbox empty.
    func expectNothingLostNothingTwice(_ label: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = originals.keys.sorted()
        #expect(server.messages(in: "INBOX").isEmpty, "\(label): left in INBOX", sourceLocation: sourceLocation)
        #expect(server.messageIDs(in: "Processed").sorted() == expected, "\(label): Processed", sourceLocation: sourceLocation)
        for folder in ["Rejected", "Ignored", "Reported"] {
            #expect(server.messages(in: folder).isEmpty, "\(label): something in \(folder)", sourceLocation: sourceLocation)
        }

        // A message only kept while there was no roster is routed once the roster came.
        let routed = Dictionary(grouping: try store.journal.events().events.filter {
            $0.event == .routed && $0.detail != MessageHandler.keptWithoutRoster
        },
                                by: { event in (event.messageID ?? "?").hasPrefix("<") ? event.messageID ?? "?" : "<\(event.messageID ?? "?")>" })
        #expect(routed.keys.sorted() == expected, "\(label): routed", sourceLocation: sourceLocation)
        let twice = routed.filter { $0.value.count != 1 }.keys.sorted()
        #expect(twice.isEmpty, "\(label): routed more than once: \(twice)", sourceLocation: sourceLocation)

        // One receipt per application, to the head who sent it.
        for head in heads {
            let receipts = server.delivered(to: head.email).compactMap { InMemoryMailServer.header("In-Reply-To", in: $0) }
            let own = originals.filter { $0.value.email == head.email }.keys.sorted()
            #expect(receipts.sorted() == own, "\(label): receipts to \(head.email)", sourceLocation: sourceLocation)
        }

        // SMTP took each message once; Sent holds one copy of each; the outbox has sent them all.
        let submitted = server.submitted.map { InMemoryMailServer.header("Message-ID", in: $0.data) ?? "?" }
        #expect(Set(submitted).count == submitted.count, "\(label): sent twice: \(submitted)", sourceLocation: sourceLocation)
        #expect(server.messageIDs(in: "Sent").sorted() == submitted.sorted(), "\(label): Sent", sourceLocation: sourceLocation)
        let entries = try store.outbox.all()
        #expect(entries.count == submitted.count, "\(label): outbox entries vs messages sent", sourceLocation: sourceLocation)
        for entry in entries {
            guard case .sent = entry.state else {
                Issue.record("\(label): \(entry.purpose) is \(entry.state.name)", sourceLocation: sourceLocation)
                continue
            }
        }

        // Each unit's application is the last one its head sent (two rows each).
        let cycle = ApplicationCycle.of(receivedAt: Date(timeIntervalSince1970: 1_778_000_000)).name
        let rows = try store.applications.all(cycle: cycle)
        let units = Set(originals.values.map(\.unit))
        #expect(Set(rows.map(\.unit)) == units, "\(label): units stored", sourceLocation: sourceLocation)
        #expect(rows.count == 2 * units.count, "\(label): rows stored", sourceLocation: sourceLocation)
    }
}
