import ArgumentParser
import Foundation

/// The `cpdbot` command line, started by the `cpdbot` executable.
public enum CPDBotCommandLine {
    /// Parses the process's arguments, runs the command and exits with its code.
    public static func main() async {
        await CPDBot.main()
    }
}

/// The `cpdbot` command line. Each subcommand lives in `Commands/` in a file of its own.
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

    /// Like ArgumentParser's own, but a command line that cannot be used exits 2 (DESIGN.md:
    /// "2 when it could not run"), not ArgumentParser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(CLIExit.couldNotRun.rawValue)
            }
            exit(withError: error)
        }
    }
}
