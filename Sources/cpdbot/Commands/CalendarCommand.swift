import ArgumentParser

// Placeholder until the module behind it lands; it says so instead of pretending to work.
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "calendar", abstract: "Working-day calendar of Kazakhstan.")
    @OptionGroup var global: GlobalOptions
    func run() async throws { throw CLIExit.couldNotRun("'calendar' is not available in this build yet") }
}
