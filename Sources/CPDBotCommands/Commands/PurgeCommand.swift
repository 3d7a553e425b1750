import ArgumentParser
import Bot
import Config
import Foundation
import Store

struct PurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Apply the retention rules (retention.* in the configuration) now; run does it daily.",
        discussion: """
            Deletes received and sent messages older than retention.raw_messages_days, the \
            applications of cycles closed retention.closed_cycle_applications_years ago, and strips \
            the addresses from journal events older than retention.journal_personal_days. \
            Certificates, obligations and Plans are kept. Works beside a running `cpdbot run`.
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: "Say what would be deleted, delete nothing.") var dryRun = false

    func run() throws {
        let store = try StoreCommands.existingStore(global)
        let configuration = try StoreCommands.configuration(global)
        let retention = configuration.retention
        let actions: [String]
        do {
            actions = try store.withWritingLock {
                try StorePurge(store: store).run(RetentionRules(retention, timeZone: configuration.bot.timeZone), now: Date(), dryRun: dryRun,
                                                 by: PersonCommand.operatorName)
            }
        } catch let error as StoreError {
            throw CLIExit.couldNotRun(error.description)
        }
        if actions.isEmpty { print("nothing is older than the retention rules") }
        for action in actions { print((dryRun ? "would purge " : "purged ") + action) }
    }
}
