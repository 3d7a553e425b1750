import TestSupport
import Foundation
@testable import Intake
import Logging
import MIME
import Store
import Testing
@testable import Bot

/// Every crafted message gets the outcome, folder and reply of expected.json (issue 13).
@Suite struct HostileCorpusTests {
    static let cases = (try? HostileCorpus.expected().messages) ?? []

    @Test func theCorpusHasAtLeastFortyMessages() {
        #expect(Self.cases.count >= 40)
    }

    @Test(arguments: cases)
    func eachMessageGetsItsExpectedOutcome(_ item: HostileCorpus.Case) throws {
        let verdict = HostileCorpus.verdict(try HostileCorpus.raw(item), roster: try HostileCorpus.roster())
        #expect(verdict == HostileCorpus.Verdict(outcome: item.outcome, reply: item.reply, kind: item.kind),
                "\(item.file): \(item.note)")
        #expect(RoutingOutcome(rawValue: item.outcome)?.folder == item.folder)
    }

    /// The backdated message counts in the cycle of the day the server received it.
    @Test func theBackdatedMessageCountsWhenReceived() throws {
        let item = try #require(Self.cases.first { $0.file.contains("backdated") })
        let reading = try MessageReading.read([UInt8](try HostileCorpus.raw(item)), receivedAt: HostileCorpus.receivedAt, limits: .init())
        #expect(ApplicationCycle.of(receivedAt: reading.receivedAt).name == "2027-2028")
        #expect(reading.dateSkewSeconds != nil)
    }
}

/// The whole hostile corpus delivered to the sandbox (received now, as over SMTP), one poll:
/// each message in its folder, a reply where one is due, DSHR's reports naming the sender,
/// and nothing the bot sent carries a raw control or bidirectional character.
@Suite(.serialized, .enabled(if: MailSandbox.isAvailable, "mail sandbox not running (scripts/mail-sandbox up)"))
struct HostileCorpusSandboxTests {
    /// A mailbox of its own (CrashRecoveryTests is staff1700…1712).
    static let bot = "staff1720@kazguu.kz"

    @Test func everyHostileMessageEndsInItsFolder() throws {
        try MailSandbox.withSampleMailboxes {
            let sandbox = try MailSandbox()
            let expected = try HostileCorpus.expected()
            try sandbox.reset([Self.bot, "a.seitkali@kazguu.kz", "dshr@kazguu.kz"])
            let files = expected.messages.map { HostileCorpus.directory.appendingPathComponent($0.file) }
            try sandbox.deliver(files, to: Self.bot, asDated: false)

            let store = try TemporaryStore(roster: SampleCorpus.directory.appendingPathComponent("roster.csv"))
            let environment = BotEnvironment(
                configuration: sandbox.configuration(botUser: Self.bot, store: store.url), store: store.fileStore,
                templatesDirectory: MailSandbox.repository.appendingPathComponent("templates"), logger: Logger(label: "hostile"))
            let runner = try BotRunner(environment: environment)
            defer { runner.disconnect() }
            let report = try runner.poll()
            #expect(report.seen == expected.messages.count)

            // Each message's folder from the journal (it names the folder the message was moved
            // to); the folders on the server must hold them all.
            var journalFolder: [String: String] = [:]
            for event in try store.fileStore.journal.events().events where event.event == .routed {
                if let id = event.messageID { journalFolder[id] = event.folder }
            }
            var onServer = 0
            for folder in ["Processed", "Rejected", "Ignored", "Reported"] {
                onServer += try sandbox.messageIDs(of: Self.bot, in: folder).count
            }
            for item in expected.messages where item.kind != "damaged" {
                // Message-IDs are <NN@hostile.test>; the damaged one has none.
                let id = "<\(item.file.dropFirst("emails/".count).prefix(2))@hostile.test>"
                #expect(journalFolder[id] == item.folder, "\(item.file) should be in \(item.folder), is in \(journalFolder[id] ?? "none")")
            }
            #expect(onServer >= expected.messages.count - 3)  // huge headers may hide a Message-ID from the listing
            #expect(try sandbox.messageIDs(of: Self.bot, in: "INBOX").allSatisfy { !$0.hasSuffix("@hostile.test>") })

            // Everything the bot wrote: no raw control or bidirectional character in any header,
            // text or HTML, and no header line an injected CR/LF could have made.
            for entry in try store.fileStore.outbox.all() {
                let raw = try store.fileStore.outbox.raw(messageID: entry.messageID)
                let text = String(decoding: raw, as: UTF8.self)
                let headerEnd = text.range(of: "\r\n\r\n")?.lowerBound ?? text.endIndex
                let header = String(text[..<headerEnd])
                #expect(!header.lowercased().contains("\nbcc:"), "\(entry.purpose): injected header")
                let parsed = try MessageParser().parse([UInt8](raw))
                for field in parsed.header.fields {
                    #expect(!field.decodedValue.unicodeScalars.contains(where: VisibleText.isHidden), "\(entry.purpose): \(field.name)")
                }
                for part in parsed.allParts where part.contentType.mimeType.hasPrefix("text/") {
                    let body = String(decoding: try part.decodedBody().bytes, as: UTF8.self)
                    #expect(!body.unicodeScalars.contains { VisibleText.isHidden($0) && $0 != "\n" && $0 != "\r" && $0 != "\t" },
                            "\(entry.purpose): hidden character in \(part.contentType.mimeType)")
                }
            }
            // The head who sent over-limit mail got a reply saying why; DSHR's reports name the sender.
            let outbox = try store.fileStore.outbox.all()
            #expect(outbox.contains { $0.purpose.hasPrefix("reply-refusal:") && $0.recipients.contains("a.seitkali@kazguu.kz") })
            #expect(outbox.contains { $0.purpose.hasPrefix("report:") && ($0.subject ?? "").contains("a.seitkali@kazguu.kz") })
        }
    }
}
