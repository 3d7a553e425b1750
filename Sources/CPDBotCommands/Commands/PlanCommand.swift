import ArgumentParser

/// `cpdbot plan …`: the Plan DSHR sends (DESIGN.md "DSHR commands").
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Check and announce the Plan.",
        subcommands: [PlanCheckCommand.self, PlanAnnounceCommand.self, PlanStatusCommand.self]
    )
}
