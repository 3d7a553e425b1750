import ArgumentParser
import Bot
import Config
import Foundation
import Regulation

/// `cpdbot remind [--today DATE]`: whatever the policy makes due today – the call for
/// applications, reminders to heads whose unit has not applied, the summary to DSHR after
/// 1 June, the Plan and announcement reminders, and DSHR's daily summary, monthly compliance
/// report and §7.7 deadline alerts. Run it daily (cron or the service); running it
/// twice on a day sends once.
struct RemindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind", abstract: "Queue and send the cycle's calls and reminders due today.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "The day to act for (YYYY-MM-DD); default today in bot.time_zone.") var today: String?
    @Option(name: .long, help: "The day of the call for applications (MM-DD); default cycle.call_for_applications in policy.yml.") var callOn: String?
    @Flag(name: .long, help: "Only queue the messages.") var noSend = false
    @Flag(name: .long, help: "Print JSON.") var json = false

    func run() async throws {
        let bootstrap = try BotBootstrap(global: global, exclusive: true)
        let day = try today.map { try CommandFiles.date($0, option: "--today") }
            ?? CivilDate(Date(), in: bootstrap.configuration.bot.timeZone)
        var report: ReminderReport
        var failures: [String] = []
        do {
            var desk = try CycleDesk(environment: bootstrap.environment)
            if let callOn {
                guard let monthDay = MonthDay(callOn) else {
                    throw ValidationError("--call-on '\(callOn)' is not a day of the year; use MM-DD, e.g. 04-15")
                }
                desk.rules.schedule.callForApplications = monthDay
            }
            report = try desk.remind(today: day)
            // The day's reports to DSHR (summary, monthly compliance, deadline alerts) go too.
            let reports = desk.reportToDSHR(today: day)
            report.queued.merge(reports.queued) { $0 + $1 }
            report.alreadyQueued += reports.alreadyQueued
            failures = reports.failures
        } catch let error as ValidationError {
            throw error
        } catch {
            throw CLIExit.couldNotRun("\(error)")
        }
        if json {
            try JSONOutput.print(report)
        } else {
            let kinds = report.queued.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            print("\(day.iso): queued \(kinds.isEmpty ? "nothing" : kinds); \(report.alreadyQueued) queued by an earlier run")
        }
        guard !noSend, !report.queued.isEmpty else {
            if !failures.isEmpty { throw CLIExit.couldNotRun(failures.joined(separator: "; ")) }
            return
        }
        do {
            _ = try await bootstrap.withRunner { try $0.flushOutbox() }
        } catch {
            throw CLIExit.couldNotRun("the reminders are queued but could not be sent now: \(error)")
        }
        // What could go went; a report that could not be made still makes the run fail.
        if !failures.isEmpty { throw CLIExit.couldNotRun(failures.joined(separator: "; ")) }
    }
}
