import ArgumentParser

// Placeholder until the module behind it lands; it says so instead of pretending to work.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the service: poll the mailbox in a loop until SIGTERM or SIGINT.")
    @OptionGroup var global: GlobalOptions
    func run() async throws { throw CLIExit.couldNotRun("'run' is not available in this build yet") }
}
