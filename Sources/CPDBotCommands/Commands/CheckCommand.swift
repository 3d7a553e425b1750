import ArgumentParser
import Bot
import Config
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the installation: configuration, files, store, mail servers.",
        discussion: """
            One line per check: ✓ as it should be, ! works with less, ✗ must be fixed (with what to do). \
            Connects to both servers (TLS verified, login) and creates the bot's folders when missing. \
            Exit 0 when nothing failed, 1 when a check failed, 2 when the configuration cannot be read.
            """)

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Print the results as JSON.")
    var json = false

    @Flag(name: .long, help: "Skip the mail servers (files and store only).")
    var offline = false

    func run() throws {
        let file = global.configurationFile
        let loaded: LoadedConfiguration
        var results: [CheckResult] = []
        do {
            loaded = try ConfigurationLoader().load(file: file, missingMeansDefaults: !global.configurationFileWasNamed)
        } catch {
            results.append(.failed("configuration", "\(file): \(error.description)", fix: "fix the keys named"))
            try report(results)
            throw CLIExit.couldNotRun
        }
        results.append(.ok("configuration", loaded.file ?? "no file at \(file): the defaults and CPDBOT_* variables"))
        let templates = URL(fileURLWithPath: global.templatesDirectory(loaded.configuration))
        let ruleFiles = global.ruleFiles(loaded.configuration)
        let check = InstallationCheck(configuration: loaded.configuration, templatesDirectory: templates, ruleFiles: ruleFiles)
        results += offline ? check.local() : check.all()
        try report(results)
        let code = CheckResult.exitCode(of: results)
        if code != 0 { throw ExitCode(code) }
    }

    private func report(_ results: [CheckResult]) throws {
        if json {
            try CommandFiles.printJSON(["checks": results.map(\.dictionary),
                                        "failed": results.filter { $0.status == .failed }.count,
                                        "warnings": results.filter { $0.status == .warning }.count])
        } else {
            print(results.map(\.line).joined(separator: "\n"))
        }
    }
}
