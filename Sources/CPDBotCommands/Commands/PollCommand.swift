import ArgumentParser
import Bot
import Foundation

struct PollCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poll",
        abstract: "Handle every message in the mailbox once, send what is due, and exit.",
        discussion: """
            Every message still in the mailbox is unhandled: it is kept in the store, answered if \
            it needs an answer, and moved to Processed, Rejected, Ignored or Reported. Run it again \
            at any time: nothing is handled or sent twice.
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: "Print the result as JSON.") var json = false

    func run() async throws {
        let bootstrap = try BotBootstrap(global: global, exclusive: true)
        let report: BotRunner.PollReport
        do {
            report = try await bootstrap.withRunner { try $0.poll() }
        } catch {
            BotRunner.record(error, environment: bootstrap.environment)
            throw CLIExit.couldNotRun("\(error)")
        }
        if json {
            try JSONOutput.print(report)
        } else {
            let outcomes = ["processed", "rejected", "ignored", "reported"]
                .map { "\($0) \(report.outcomes[$0] ?? 0)" }.joined(separator: ", ")
            print("\(report.seen) message(s) in the mailbox: \(outcomes); \(report.sent) message(s) sent"
                + (report.sendFailures > 0 ? ", \(report.sendFailures) not sent (see cpdbot outbox)" : "")
                + (report.throttled > 0 ? ", \(report.throttled) held back: the server asked to send more slowly" : "")
                + (report.sentCopies > 0 ? "; \(report.sentCopies) of the bot's own copies of its mail cleared from the mailbox" : ""))
        }
    }
}
