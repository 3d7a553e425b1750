public import ArgumentParser
import Foundation
public import Regulation

/// `cpdbot obligation --cost KZT --start DATE [--end-reason R --on DATE] [--json]` (§8).
struct ObligationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "obligation",
        abstract: "The §8 work-off obligation: its period, its end, and the refund on an early end.",
        discussion: """
            The period follows from the cost (policy.yml work_off.bands) and starts on the completion date. \
            With --end-reason and --on: resigned and dismissed-for-cause reimburse the part of the period not \
            worked, by days (§8, 1.1); dismissed (on the employer's initiative) reimburses nothing (§8, 1.2).
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var rules: RuleFileOptions

    @Option(name: .long, help: "What the university paid, in whole tenge.")
    var cost: Int

    @Option(name: .long, help: "The course's completion date, where the period starts.")
    var start: String

    @Option(name: .long, help: "resigned | dismissed | dismissed-for-cause")
    var endReason: EndReason?

    @Option(name: .long, help: "The day employment ended (with --end-reason).")
    var on: String?

    @Flag(name: .long, help: "Print JSON: {cost, start, months, end, end_reason, on, reimburse_kzt, …}.")
    var json = false

    func validate() throws {
        guard cost >= 0 else { throw ValidationError("--cost cannot be negative") }
        guard (endReason == nil) == (on == nil) else {
            throw ValidationError("--end-reason and --on go together")
        }
    }

    func run() async throws {
        let startDate = try CommandFiles.date(start, option: "--start")
        let leaving = try on.map { try CommandFiles.date($0, option: "--on") }
        let calculator = WorkOffCalculator(policy: try rules.loadPolicy(global).workOff)
        let obligation: WorkOffObligation
        var early: EarlyEnd?
        do {
            obligation = try calculator.obligation(costKZT: cost, start: startDate)
            if let endReason, let leaving {
                early = try calculator.earlyEnd(of: obligation, reason: endReason, on: leaving)
            }
        } catch {
            throw CLIExit.couldNotRun(error.description)
        }
        if json {
            let object: [String: Any] = [
                "cost": cost, "start": startDate.iso,
                "months": CommandFiles.orNull(obligation.months), "end": CommandFiles.orNull(obligation.end?.iso),
                "period_days": CommandFiles.orNull(obligation.periodDays),
                "end_reason": CommandFiles.orNull(endReason?.rawValue), "on": CommandFiles.orNull(leaving?.iso),
                "reimburse_kzt": CommandFiles.orNull(early?.reimburseKZT),
                "days_not_worked": CommandFiles.orNull(early?.daysNotWorked),
                "section": CommandFiles.orNull(early?.section),
            ]
            try CommandFiles.printJSON(object)
            return
        }
        if let months = obligation.months, let end = obligation.end {
            print("Cost \(cost) KZT: work off \(months) months, from \(startDate.iso) to \(end.iso) (§8.1).")
        } else {
            print("Cost \(cost) KZT: free for the university, no work-off obligation (§8.1).")
        }
        if let early {
            print("Left on \(early.on.iso) (\(early.reason.rawValue)): reimburse \(early.reimburseKZT) KZT – \(early.section).")
        }
    }
}

extension EndReason: ExpressibleByArgument {}
