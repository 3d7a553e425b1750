import ArgumentParser

// Placeholder until the module behind it lands; it says so instead of pretending to work.
struct ObligationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "obligation", abstract: "The §8 work-off obligation.")
    @OptionGroup var global: GlobalOptions
    func run() async throws { throw CLIExit.couldNotRun("'obligation' is not available in this build yet") }
}
