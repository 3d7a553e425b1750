import ArgumentParser

// Placeholder until the module behind it lands; it says so instead of pretending to work.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "Check application files offline.")
    @OptionGroup var global: GlobalOptions
    func run() async throws { throw CLIExit.couldNotRun("'validate' is not available in this build yet") }
}
