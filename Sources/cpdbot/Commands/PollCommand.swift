import ArgumentParser

// Placeholder until the module behind it lands; it says so instead of pretending to work.
struct PollCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "poll", abstract: "Fetch every unhandled message once, store it and move it out of INBOX.")
    @OptionGroup var global: GlobalOptions
    func run() async throws { throw CLIExit.couldNotRun("'poll' is not available in this build yet") }
}
