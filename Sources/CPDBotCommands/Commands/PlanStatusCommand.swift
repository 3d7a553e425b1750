import ArgumentParser
import Bot
import Foundation
import Regulation

/// `cpdbot plan status --cycle C [--json]`: each Plan of the cycle, its state, its §7.7
/// deadline, and its announcements in the outbox (sent / pending / failed).
struct PlanStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Where the cycle's Plan stands: previewed, confirmed, announced.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "The academic year, e.g. 2026-2027.") var cycle: String
    @Flag(name: .long, help: "Print JSON.") var json = false

    struct Line: Encodable {
        var slot: String
        var file: String
        var state: String
        var approvalDate: String
        var deadline: String
        var deadlineMissed: Bool
        var sent: Int
        var pending: Int
        var failed: Int
        /// At the configured pace: when the pending announcements will have gone (Almaty time).
        var paceFinish: String?
        var paceMissesDeadline: Bool?
    }

    func run() async throws {
        let bootstrap = try BotBootstrap(global: global, exclusive: false)
        let status: PlanStatus
        do {
            status = try CycleDesk(environment: bootstrap.environment).status(cycle: cycle)
        } catch {
            throw CLIExit.couldNotRun("\(error)")
        }
        let lines = status.plans.map { entry in
            Line(slot: entry.plan.slot, file: entry.plan.fileName, state: entry.plan.state.rawValue,
                 approvalDate: entry.plan.approvalDate.iso, deadline: entry.plan.deadline.iso,
                 deadlineMissed: entry.plan.state != .announced && entry.plan.deadline < status.today,
                 sent: entry.announcements.sent, pending: entry.announcements.pending, failed: entry.announcements.failed,
                 paceFinish: entry.pace.map { $0.finishText }, paceMissesDeadline: entry.pace?.missesDeadline)
        }
        if json { return try JSONOutput.print(lines) }
        for line in lines {
            print("\(line.slot) \(line.file): \(line.state); approved \(line.approvalDate), announce by \(line.deadline)"
                + (line.deadlineMissed ? " – MISSED" : "")
                + "; announcements sent \(line.sent), pending \(line.pending), failed \(line.failed)"
                + (line.paceFinish.map { "; at the configured pace the last goes out \($0) (Almaty)" } ?? "")
                + (line.paceMissesDeadline == true ? " – AFTER THE DEADLINE" : ""))
        }
    }
}
