import ArgumentParser
import Bot
import Foundation
import Regulation

/// `cpdbot plan announce --cycle C --yes`: DSHR's confirmation from the command line. Every
/// person on the roster gets one announcement (purpose `announce:<slot>:<email>`): running it
/// again, or after a crash, sends nobody a second copy.
struct PlanAnnounceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "announce", abstract: "Announce the cycle's Plan to every person on the roster (§7.7).",
        discussion: """
            Without --yes it only says what would be sent. The messages are queued in the outbox and \
            sent at once (--no-send leaves them for the next 'cpdbot poll' or the service).
            """)
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "The academic year, e.g. 2026-2027.") var cycle: String
    @Flag(name: .long, help: "Send without asking again.") var yes = false
    @Flag(name: .long, help: "Only queue the messages.") var noSend = false

    func run() async throws {
        let bootstrap = try BotBootstrap(global: global, exclusive: true)
        let desk: CycleDesk
        do {
            desk = try CycleDesk(environment: bootstrap.environment)
        } catch {
            throw CLIExit.couldNotRun("\(error)")
        }
        guard yes else {
            let status = try? desk.status(cycle: cycle)
            let open = status?.plans.filter { $0.plan.state != .announced } ?? []
            print(open.isEmpty ? "Nothing to announce for \(cycle)."
                : "Would announce \(open.map { "\($0.plan.fileName) (\($0.plan.state.rawValue))" }.joined(separator: ", ")) "
                    + "to everyone on the roster. Run again with --yes to send.")
            throw CLIExit.inputHadProblems
        }
        let done: [(plan: StoredPlan, summary: AnnouncementSummary)]
        do {
            done = try desk.announce(cycle: cycle)
        } catch {
            throw CLIExit.couldNotRun("\(error)")
        }
        if done.isEmpty { print("Every Plan of \(cycle) was announced before; nothing new was queued.") }
        for (plan, summary) in done {
            print("\(plan.fileName): \(summary.queued) announcement(s) queued, \(summary.alreadyQueued) queued before, "
                + "\(summary.recipients) people on the roster; deadline \(plan.deadline.iso) (§7.7).")
        }
        guard !noSend else { return }
        do {
            let result = try await bootstrap.withRunner { try $0.flushOutbox() }
            print("sent \(result.sent), not sent yet \(result.failures) (see cpdbot plan status --cycle \(cycle))")
        } catch {
            throw CLIExit.couldNotRun("the announcements are queued but could not be sent now: \(error)")
        }
    }
}
