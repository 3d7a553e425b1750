import ArgumentParser

// Placeholder until the module behind it lands; it says so instead of pretending to work.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "Check and announce the Plan.")
    @OptionGroup var global: GlobalOptions
    func run() async throws { throw CLIExit.couldNotRun("'plan' is not available in this build yet") }
}
