import ArgumentParser
import Bot
import Config
import Foundation
import Store

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show what the bot has done: messages per outcome, the outbox queue, the last poll and the last error.")

    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: "Print the result as JSON.") var json = false

    /// The same report the console shows (`StatusReport`).
    typealias Report = StatusReport

    func run() async throws {
        let bootstrap = try BotBootstrap(global: global, exclusive: false)
        let store = bootstrap.store
        let report: Report
        do {
            report = try StatusReport.read(store: store, mailbox: bootstrap.configuration.imap.mailbox)
        } catch {
            throw CLIExit.couldNotRun("store \(store.root.path): \(error)")
        }
        if json { return try JSONOutput.print(report) }
        let outcomes = ["processed", "rejected", "ignored", "reported"].map { "\($0) \(report.outcomes[$0] ?? 0)" }
        print("store       \(report.store)")
        print("messages    " + outcomes.joined(separator: ", "))
        print("outbox      " + ["queued", "sent", "failed"].map { "\($0) \(report.outbox[$0] ?? 0)" }.joined(separator: ", "))
        print("last poll   " + (report.lastPoll.map { $0.formatted(.iso8601) } ?? "never"))
        print("last error  " + (report.lastError.map { "\($0) (\(report.lastErrorAt?.formatted(.iso8601) ?? "?"))" } ?? "none"))
        if let since = report.loginFailingSince {
            let alerted = report.loginAlertedAt.map { "DSHR and the admins alerted \($0.formatted(.iso8601))" } ?? "no alert sent yet"
            print("login       FAILING since \(since.formatted(.iso8601)): \(report.loginFailure ?? "?") (\(alerted))")
        } else {
            print("login       ok")
        }
        let checked = report.alertsCheckedAt.map { "at the poll of \($0.formatted(.iso8601))" } ?? "not looked at yet (at every poll)"
        if report.alerts.isEmpty { print("alerts      none \(checked)") }
        for alert in report.alerts {
            let told = alert.alertedAt.map { "DSHR and the admins alerted \($0.formatted(.iso8601))" }
                ?? "nobody alerted: set bot.dshr or bot.admin"
            print("alert       \(alert.summary) (since \(alert.since.formatted(.iso8601)); \(told))")
        }
    }
}
