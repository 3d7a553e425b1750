import Config
import Foundation
@testable import Intake
import Logging
import MIME
import Regulation
import Store
@testable import Bot

/// A store with the cycle desks' roster and a clock the test moves (the reports read "now").
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Date
    init(_ date: Date) { value = date }
    var now: Date { lock.withLock { value } }
    func advance(hours: Double) { lock.withLock { value = value.addingTimeInterval(hours * 3600) } }
}

struct ReportsFixture {
    let store: FileStore
    let environment: BotEnvironment
    let desk: CycleDesk
    let clock: TestClock

    /// `language`: the bot's (DSHR's) language; `dshr`: the configured addresses.
    init(now: Date, language: CPDBotConfiguration.Language = .ru, dshr: [String] = [CycleDeskTests.dshr]) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString)")
        store = try FileStore(root: url)
        try store.roster.replace(with: Data(CycleDeskTests.roster.utf8))
        var configuration = MailSandboxConfiguration.plain(store: url)
        configuration.bot.dshr = dshr
        configuration.bot.language = language
        let clock = TestClock(now)
        self.clock = clock
        environment = BotEnvironment(configuration: configuration, store: store,
                                     templatesDirectory: MailSandbox.repository.appendingPathComponent("templates"),
                                     logger: Logger(label: "reports"), now: { clock.now })
        desk = try CycleDesk(environment: environment)
    }

    /// A message as the handler leaves it in the journal: archived, received, routed.
    func route(from: String, subject: String, outcome: RoutingOutcome, detail: String) throws {
        let raw = Data("From: <\(from)>\r\nTo: <bot@kazguu.kz>\r\nSubject: \(DSHRMail.encoded(subject))\r\nMessage-ID: <\(UUID().uuidString)@x>\r\n\r\nhello\r\n".utf8)
        let archived = try store.archive.store(raw: raw, messageID: nil, receivedAt: clock.now)
        try store.journal.append(JournalEvent(at: clock.now, event: .received, from: from,
                                              detail: archived.message.relativePath, sha256: archived.message.sha256))
        try store.journal.append(JournalEvent(at: clock.now, event: .routed, outcome: outcome.rawValue, folder: outcome.folder,
                                              from: from, detail: detail, sha256: archived.message.sha256))
    }

    func entries(_ prefix: String) throws -> [OutboxEntry] {
        try store.outbox.all().filter { $0.purpose.hasPrefix(prefix) }
    }

    /// The plain-text body and the attachments of a queued message.
    func text(of entry: OutboxEntry) throws -> (text: String, files: [String: [UInt8]]) {
        let message = try MessageParser().parse([UInt8](try store.outbox.raw(messageID: entry.messageID)))
        var files: [String: [UInt8]] = [:]
        func walk(_ part: MIMEPart) {
            switch part.content {
            case let .multipart(children): children.forEach(walk)
            default:
                if let name = part.filename, let decoded = try? part.decodedBody() { files[name] = decoded.bytes }
            }
        }
        walk(message.root)
        return (message.readableText(), files)
    }

    /// 09:00 in Almaty on `iso`.
    static func morning(_ iso: String) -> Date {
        let day = CivilDate(text: iso)!
        return Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400 + 4 * 3600)
    }
}
