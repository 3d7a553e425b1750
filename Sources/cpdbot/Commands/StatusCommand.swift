import ArgumentParser
import Bot
import Foundation
import Store

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show what the bot has done: messages per outcome, the outbox queue, the last poll and the last error.")

    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: "Print the result as JSON.") var json = false

    struct Report: Encodable {
        var outcomes: [String: Int]
        var outbox: [String: Int]
        var lastPoll: Date?
        var lastError: String?
        var lastErrorAt: Date?
        /// Since when logging in fails, why, and when DSHR and the admins were told (issue 18).
        var loginFailingSince: Date?
        var loginFailure: String?
        var loginAlertedAt: Date?
        /// The service alerts that held at the last poll (issue 15): disk, failed outbox, calendar, §7.7.
        var alerts: [Alert]
        var alertsCheckedAt: Date?
        var store: String
    }

    struct Alert: Encodable {
        var kind: String
        var key: String
        var summary: String
        var since: Date
        /// When DSHR and `bot.admin` were mailed; nil: nobody could be told (no bot.dshr, no bot.admin).
        var alertedAt: Date?
    }

    func run() async throws {
        let bootstrap = try BotBootstrap(global: global, exclusive: false)
        let store = bootstrap.store
        let report: Report
        do {
            let journal = try store.journal.summary()
            let state = try store.mailbox.load(mailbox: bootstrap.configuration.imap.mailbox)
            var outbox: [String: Int] = [:]
            for entry in try store.outbox.all() { outbox[entry.state.name, default: 0] += 1 }
            var lastError = state.lastError ?? journal.lastError?.detail
            var lastErrorAt = state.lastErrorAt ?? journal.lastError?.at
            // A failure kept while the disk was full may be newer than anything the journal has.
            if let failure = store.failure.last(), failure.at > (lastErrorAt ?? .distantPast) {
                lastError = failure.what
                lastErrorAt = failure.at
            }
            let alerts = try store.alerts.load()
            report = Report(outcomes: journal.outcomes, outbox: outbox, lastPoll: state.lastPollAt ?? journal.lastPoll,
                            lastError: lastError, lastErrorAt: lastErrorAt,
                            loginFailingSince: state.loginFailingSince, loginFailure: state.loginFailure,
                            loginAlertedAt: state.loginAlertedAt,
                            alerts: alerts.active.map { Alert(kind: $0.kind, key: $0.key, summary: $0.summary, since: $0.since,
                                                              alertedAt: $0.alertedAt) },
                            alertsCheckedAt: alerts.checkedAt, store: store.root.path)
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
