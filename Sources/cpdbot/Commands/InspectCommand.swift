import ArgumentParser

// Placeholder until the module behind it lands; it says so instead of pretending to work.
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inspect", abstract: "Show how the bot reads one message.")
    @OptionGroup var global: GlobalOptions
    func run() async throws { throw CLIExit.couldNotRun("'inspect' is not available in this build yet") }
}
