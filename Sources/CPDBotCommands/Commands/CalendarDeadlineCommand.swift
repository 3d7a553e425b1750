import ArgumentParser
import Regulation

/// `cpdbot calendar deadline --approved DATE [--working-days N] [--json]` (§7.7).
struct CalendarDeadlineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline",
        abstract: "The §7.7 deadline: the N-th working day after the Plan's approval.",
        discussion: "The approval day itself never counts. N defaults to the policy's announcement_working_days (5)."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var rules: RuleFileOptions

    @Option(name: .long, help: "The approval date (YYYY-MM-DD or DD.MM.YYYY).")
    var approved: String

    @Option(name: .long, help: "Working days after approval (default: from the policy).")
    var workingDays: Int?

    @Flag(name: .long, help: "Print JSON: {approval_date, deadline, working_days, …}.")
    var json = false

    func run() async throws {
        let approval = try CommandFiles.date(approved, option: "--approved")
        let days = try workingDays ?? rules.loadPolicy(global).cycle.announcementWorkingDays
        let result: DeadlineResult
        do {
            result = try rules.loadHolidays(global).deadline(approvedOn: approval, workingDays: days)
        } catch let error as RegulationError {
            throw CLIExit.couldNotRun(error.description)
        }
        if json {
            try CommandFiles.printJSON([
                "approval_date": result.approvalDate.iso,
                "deadline": result.deadline.iso,
                "working_days": result.workingDays,
                "weekdays_off_skipped": result.weekdaysOffSkipped.map(\.description),
                "weekend_working_days_counted": result.weekendWorkingDaysCounted.map(\.description),
            ])
            return
        }
        print("Approved \(approval.iso) (\(approval.weekday.rawValue)); \(days) working days later: "
            + "\(result.deadline.iso) (\(result.deadline.weekday.rawValue))")
        for day in result.weekdaysOffSkipped { print("  not worked: \(day)") }
        for day in result.weekendWorkingDaysCounted { print("  worked:     \(day)") }
    }
}
