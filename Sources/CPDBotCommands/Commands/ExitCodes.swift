import ArgumentParser
import Foundation

/// The exit codes DESIGN.md promises: 0 success, 1 problems in the input (reported), 2 could not run.
enum CLIExit {
    static let inputHadProblems = ExitCode(1)
    static let couldNotRun = ExitCode(2)

    /// Prints a one-line reason on stderr and returns the "could not run" exit code to throw.
    static func couldNotRun(_ reason: String) -> ExitCode {
        printError(reason)
        return couldNotRun
    }

    /// A note that is not an error (e.g. "no configuration file; using the defaults").
    static func printNote(_ line: String) {
        FileHandle.standardError.write(Data(("cpdbot: note: " + line + "\n").utf8))
    }

    static func printError(_ line: String) {
        let oneLine = line.split(whereSeparator: \.isNewline).joined(separator: " ")
        FileHandle.standardError.write(Data(("cpdbot: " + oneLine + "\n").utf8))
    }
}
