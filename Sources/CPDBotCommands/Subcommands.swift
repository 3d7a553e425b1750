import ArgumentParser

extension CPDBot {
    /// One line per command; each command's type lives in `Commands/`.
    static let allSubcommands: [any ParsableCommand.Type] = [
        PollCommand.self,
        RunCommand.self,
        ValidateCommand.self,
        InspectCommand.self,
        CalendarCommand.self,
        ObligationCommand.self,
        PlanCommand.self,
        RemindCommand.self,
        ReportCommand.self,
        StatusCommand.self,
        CheckCommand.self,
        BackupCommand.self,
        RestoreCommand.self,
        PersonCommand.self,
        PurgeCommand.self,
        OutboxCommand.self,
        ExportCommand.self,
        CertificateCommand.self,
        ConsoleCommand.self,
    ]
}
