import ArgumentParser

/// `cpdbot calendar …`: Kazakhstan's working-day calendar.
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Kazakhstan's working-day calendar (holidays, carry-overs, the ministry's transfers).",
        subcommands: [CalendarDeadlineCommand.self]
    )
}
