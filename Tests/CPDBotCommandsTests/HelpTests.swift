import ArgumentParser
import Testing
@testable import CPDBotCommands

/// Every command's help renders, names the command and says what it is for; the root's lists
/// every command.
@Suite struct HelpTests {
    /// Every command type under the root, depth first, with its path of names.
    static func allCommands() -> [(path: [String], type: any ParsableCommand.Type)] {
        func walk(_ type: any ParsableCommand.Type, _ path: [String]) -> [(path: [String], type: any ParsableCommand.Type)] {
            let name = type.configuration.commandName ?? "?"
            let here = path + [name]
            return [(here, type)] + type.configuration.subcommands.flatMap { walk($0, here) }
        }
        return CPDBot.allSubcommands.flatMap { walk($0, []) }
    }

    static var commandPaths: [String] { allCommands().map { $0.path.joined(separator: " ") } }

    @Test func theCommandTreeIsComplete() {
        let paths = Set(Self.commandPaths)
        for expected in ["poll", "run", "validate", "inspect", "calendar deadline", "obligation", "plan check",
                         "plan announce", "plan status", "remind", "report compliance", "status", "check",
                         "backup", "restore", "person show", "person erase", "purge", "outbox",
                         "export applications", "certificate verify", "certificate show", "certificate reissue"] {
            #expect(paths.contains(expected), "no command `cpdbot \(expected)`")
        }
        #expect(paths.count == Self.commandPaths.count, "two commands share a name")
    }

    @Test(arguments: commandPaths)
    func helpRendersForEveryCommand(_ path: String) throws {
        let type = try #require(Self.allCommands().first { $0.path.joined(separator: " ") == path }?.type)
        let help = CPDBot.helpMessage(for: type, columns: 100)
        #expect(help.contains("USAGE: cpdbot \(path)"), "\(help)")
        let abstract = type.configuration.abstract
        #expect(!abstract.isEmpty, "`cpdbot \(path)` has no abstract")
        #expect(help.contains(String(abstract.prefix(30))), "\(help)")
        // `--help` after the command parses as ArgumentParser's request for this help.
        let request = try CPDBot.parseAsRoot(path.split(separator: " ").map(String.init) + ["--help"])
        #expect(String(describing: Swift.type(of: request)) == "HelpCommand")
    }

    @Test func theRootHelpListsEveryCommand() {
        let help = CPDBot.helpMessage(columns: 200)
        for type in CPDBot.allSubcommands {
            let name = type.configuration.commandName ?? "?"
            #expect(help.contains("  \(name)"), "the root help does not list \(name)")
        }
        #expect(help.contains("Exit codes: 0 success, 1 the input had problems (reported), 2 could not run."))
    }

    @Test func theVersionIsTheReleasedOne() throws {
        let error = try #require(throws: (any Error).self) { try CPDBot.parseAsRoot(["--version"]) }
        #expect(CPDBot.fullMessage(for: error) == CPDBotVersion.current)
        #expect(CPDBotVersion.current.split(separator: ".").count == 3)
    }
}
