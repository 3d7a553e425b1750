import ArgumentParser
import Bot
import Config
import Foundation
import Staff
import Store
import Regulation

/// `cpdbot report …`: reports from the store.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports from the store.", subcommands: [ReportComplianceCommand.self])
}

/// `cpdbot report compliance [--as-of DATE] [--format csv|json]`: §6.3 – PPS under 72 hours in
/// five years, leadership without management training – from the training history the
/// certificates built and the roster. Exit 1 when anyone is behind.
struct ReportComplianceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compliance", abstract: "Who is behind the §6.3 training obligations.")
    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "The day to judge on (YYYY-MM-DD); default today in bot.time_zone.") var asOf: String?
    @Option(name: .long, help: "csv or json.") var format: Format = .csv

    struct Line: Encodable {
        var email: String
        var kind: String
        var since: String
        var hoursCounted: Int?
        var hoursRequired: Int?
        var section: String
    }

    func run() async throws {
        let bootstrap = try BotBootstrap(global: global, exclusive: false)
        let day = try asOf.map { try CommandFiles.date($0, option: "--as-of") }
            ?? CivilDate(Date(), in: bootstrap.configuration.bot.timeZone)
        let findings: [ComplianceFinding]
        do {
            findings = try CycleDesk(environment: bootstrap.environment).compliance(asOf: day)
        } catch {
            throw CLIExit.couldNotRun("\(error)")
        }
        let lines = findings.map {
            Line(email: $0.participantEmail, kind: $0.kind.rawValue, since: $0.since.iso, hoursCounted: $0.hoursCounted,
                 hoursRequired: $0.hoursRequired, section: $0.section)
        }
        switch format {
        case .json: try JSONOutput.print(lines)
        case .csv:
            // The same file DSHR gets attached to the monthly report.
            let roster = (try? bootstrap.store.roster.load()) ?? Roster(people: [])
            FileHandle.standardOutput.write(ComplianceCSV.data(findings, roster: roster))
        }
        if !findings.isEmpty { throw CLIExit.inputHadProblems }
    }
}
