import TestSupport
import Foundation
import Logging
import Store
import Testing
@testable import Bot

/// Issue 15 (Law 94-V): the sample corpus polled into a store, then one head's data shown and
/// erased; afterwards their address is found nowhere in the store except in what the erase
/// said it kept.
@Suite(.serialized, .enabled(if: MailSandbox.isAvailable, "mail sandbox not running (scripts/mail-sandbox up)"))
struct SamplePersonDataTests {
    static let bot = "staff1650@kazguu.kz"
    static let person = "a.seitkali@kazguu.kz"

    @Test func showThenEraseLeavesTheAddressOnlyInWhatWasKept() throws {
        try MailSandbox.withSampleMailboxes {
            let sandbox = try MailSandbox()
            let corpus = try SampleCorpus.load()
            try sandbox.reset([Self.bot, Self.person])
            try sandbox.deliver(corpus.inReceivedOrder.map(corpus.url), to: Self.bot)
            let store = try TemporaryStore(roster: SampleCorpus.directory.appendingPathComponent("roster.csv"))
            defer { try? FileManager.default.removeItem(at: store.url) }
            let environment = BotEnvironment(
                configuration: sandbox.configuration(botUser: Self.bot, store: store.url), store: store.fileStore,
                templatesDirectory: MailSandbox.repository.appendingPathComponent("templates"), logger: Logger(label: "test"))
            let runner = try BotRunner(environment: environment)
            _ = try runner.poll()
            runner.disconnect()

            let shown = try PersonData(store: store.fileStore, email: Self.person)
            let areas = Set(shown.findings.map(\.area))
            #expect(areas.isSuperset(of: [.roster, .applications, .messages, .outbox, .journal]), "\(areas)")

            let report = try PersonEraser(store: store.fileStore).erase(email: Self.person, by: "test")
            #expect(report.remaining.isEmpty, "\(report.remaining)")
            let kept = Set(report.kept.map(\.path))
            let needle = Array(Self.person.utf8)
            for path in try PersonData.files(in: store.url) where !kept.contains(path) {
                let data = try Data(contentsOf: store.url.appendingPathComponent(path))
                #expect(PersonData.occurrences(of: needle, in: data) == 0, "\(path) still names \(Self.person)")
            }
            #expect(try PersonData(store: store.fileStore, email: Self.person).findings.allSatisfy { kept.contains($0.path) })
            // The other heads' applications are still there.
            let remaining = try store.fileStore.applications.cycles().flatMap { try store.fileStore.applications.all(cycle: $0) }
            #expect(!remaining.isEmpty)
            #expect(remaining.allSatisfy { $0.email != Self.person })
        }
    }
}
