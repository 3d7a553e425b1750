import ArgumentParser
import Bot
import Foundation
import Store

struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "List what is queued, sent and failed; --flush sends what is due now.")

    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: "Send every message that is due now.") var flush = false
    @Flag(name: .long, help: "Print the list as JSON.") var json = false
    @Option(name: .long, help: "Show only entries in this state: queued, sent or failed.") var state: String?

    struct Line: Encodable {
        var messageId: String
        var purpose: String
        var recipients: [String]
        var subject: String?
        var state: String
        var queuedAt: Date
        var updatedAt: Date
    }

    func run() async throws {
        let bootstrap = try BotBootstrap(global: global, exclusive: flush)
        if flush {
            do {
                let result = try await bootstrap.withRunner { try $0.flushOutbox() }
                print("sent \(result.sent), not sent \(result.failures)")
            } catch {
                throw CLIExit.couldNotRun("\(error)")
            }
        }
        let entries: [OutboxEntry]
        do {
            entries = try bootstrap.store.outbox.all().filter { state == nil || $0.state.name == state }
        } catch {
            throw CLIExit.couldNotRun("store: \(error)")
        }
        let lines = entries.map {
            Line(messageId: $0.messageID, purpose: $0.purpose, recipients: $0.recipients, subject: $0.subject,
                 state: $0.state.name, queuedAt: $0.queuedAt, updatedAt: $0.updatedAt)
        }
        if json { return try JSONOutput.print(lines) }
        for line in lines {
            print("\(line.state.padding(toLength: 7, withPad: " ", startingAt: 0)) \(line.queuedAt.formatted(.iso8601))  "
                + "\(line.recipients.joined(separator: ", "))  \(line.subject ?? line.purpose)")
        }
        print("\(lines.count) message(s)")
    }
}
