import ArgumentParser
import Config
import Documents
import Foundation
import Regulation

/// `cpdbot plan check FILE [--approved DATE] [--roster FILE] [--json]`: the preview DSHR gets,
/// offline. Exit 0 when the Plan has no problems, 1 when it has (they are printed).
struct PlanCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a Plan file against §5.3, §6.5 and the roster; print the preview and the §7.7 deadline.",
        discussion: """
            FILE is the Plan as DSHR sends it (xlsx, xls, ods, docx or csv); columns are found by their \
            names in Kazakh, Russian or English. Without --roster, the roster in the store (store.path in --config) is used when there \
            is one. Without --approved, the approval date is today (in bot.time_zone).
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var rules: RuleFileOptions

    @Argument(help: "The Plan file.")
    var file: String

    @Option(name: .long, help: "The approval date (YYYY-MM-DD or DD.MM.YYYY).")
    var approved: String?

    @Option(name: .long, help: "The roster, in any table format: at least email and category (roster.csv's names or kk/ru/en ones such as Электронная почта, Санат, Руководство); rows that cannot be used are skipped and listed.")
    var roster: String?

    @Option(name: .long, help: "The cycle (e.g. 2026-2027): also list applicants the Plan leaves out (from the store).")
    var cycle: String?

    @Flag(name: .long, help: "Print JSON: {courses, participants, assignments, approval_date, deadline, problems}.")
    var json = false

    func run() async throws {
        let policy = try rules.loadPolicy(global)
        let approval = try approved.map { try CommandFiles.date($0, option: "--approved") } ?? Self.today(global)
        let deadline: DeadlineResult
        do {
            deadline = try rules.loadHolidays(global).deadline(approvedOn: approval, workingDays: policy.cycle.announcementWorkingDays)
        } catch let error as RegulationError {
            throw CLIExit.couldNotRun(error.description)
        }
        let people = try loadRoster()
        let reading: PlanReading
        do {
            reading = try PlanTableReader().read(try Self.document(file))
        } catch let error as RegulationError {
            CLIExit.printError("\(file): \(error.description)")
            throw CLIExit.inputHadProblems
        }
        let problems = PlanChecker(durations: policy.durations).check(reading.plan, roster: people)
        let leftOut = try cycle.flatMap { try loadApplicants(cycle: $0) }
            .map { PlanChecker().applicantsLeftOut(of: reading.plan, applicants: $0) }
        let preview = PlanPreview(reading: reading, approval: approval, deadline: deadline.deadline,
                                  problems: problems, applicantsLeftOut: leftOut)
        if json {
            try CommandFiles.printJSON(preview.json)
        } else {
            preview.printText(file: file, rosterChecked: people != nil)
        }
        if !problems.isEmpty || !reading.issues.isEmpty { throw CLIExit.inputHadProblems }
    }

    /// Any table file to a Document; an unreadable file is a problem of the input (exit 1).
    static func document(_ path: String) throws -> Document {
        let bytes = try CommandFiles.bytes(path)
        let name = URL(fileURLWithPath: path).lastPathComponent
        do {
            return try DocumentReader.read(bytes: bytes, fileName: name)
        } catch {
            CLIExit.printError(error.description)
            throw CLIExit.inputHadProblems
        }
    }

    /// Today in the university's zone (`bot.time_zone`, Asia/Almaty by default).
    static func today(_ global: GlobalOptions) throws -> CivilDate {
        CivilDate(Date(), in: try StoreCommands.configuration(global).bot.timeZone)
    }
}
