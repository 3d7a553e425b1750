import ArgumentParser

// Announcing needs the store and the mail service; until the Bot lands this says so (exit 2).
struct PlanAnnounceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "announce", abstract: "Announce the confirmed Plan to the staff (§7.7).")
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "The academic year, e.g. 2026-2027.") var cycle: String
    @Flag(name: .long, help: "Send without asking again.") var yes = false
    func run() async throws { throw CLIExit.couldNotRun("'plan announce' is not available in this build yet") }
}
