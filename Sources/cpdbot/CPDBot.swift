import ArgumentParser

/// The `cpdbot` command line. Each subcommand lives in `Commands/` in a file of its own.
@main
struct CPDBot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cpdbot",
        abstract: "The e-mail bot that runs the university's professional development cycle.",
        discussion: """
            cpdbot reads the intake mailbox over IMAP, takes the Appendix 1 applications that heads \
            of units send, keeps everything in a file store and answers by e-mail in Kazakh, Russian \
            or English. Start with `cpdbot poll` (one pass over the mailbox) or `cpdbot run` (the service).
            Exit codes: 0 success, 1 the input had problems (reported), 2 could not run.
            """,
        version: CPDBotVersion.current,
        subcommands: CPDBot.allSubcommands
    )
}
