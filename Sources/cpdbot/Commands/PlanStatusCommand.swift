import ArgumentParser

// The Plan's state lives in the store; until the Bot lands this says so (exit 2).
struct PlanStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Where the cycle's Plan stands: previewed, confirmed, announced.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "The academic year, e.g. 2026-2027.") var cycle: String
    func run() async throws { throw CLIExit.couldNotRun("'plan status' is not available in this build yet") }
}
