import ArgumentParser
import Bot
import Foundation
import Store

/// The console half of `scripts/bench`: writes a big university's store (`ConsoleBenchmarkStore`)
/// and a DSHR sign-in link for it, and prints what was written as one JSON object. Talks to no
/// server; the token and nonce go only into `--sign-in-file` (0600).
@main
struct ConsoleStoreBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cpdbot-bench-console",
        abstract: "Writes a store of PEOPLE people, CYCLES cycles and JOURNAL-LINES journal lines for the console benchmark.")

    @Option(help: "The store's folder (emptied first).") var store = "var/bench/console-store"
    @Option(help: "Where the sign-in link's token and nonce go (0600).") var signInFile = "var/bench/console-sign-in.json"
    @Option var people = 10_000
    @Option var cycles = 5
    @Option var journalLines = 100_000
    @Option(help: "The seed (default: drawn and printed).") var seed: UInt64?
    @Flag(help: "Only a new sign-in link for DSHR in the existing store (a link works once).") var linkOnly = false

    func validate() throws {
        guard (2...200_000).contains(people) else { throw ValidationError("people 2…200000") }
        guard (1...20).contains(cycles) else { throw ValidationError("cycles 1…20") }
        guard (1...2_000_000).contains(journalLines) else { throw ValidationError("journal-lines 1…2000000") }
    }

    func run() throws {
        if linkOnly {
            try ConsoleBenchmarkStore.addSignInLink(store: try FileStore(root: URL(fileURLWithPath: store)),
                                                    file: URL(fileURLWithPath: signInFile))
            return
        }
        let seed = seed ?? UInt64.random(in: 1...UInt64(UInt32.max))
        // Printed first, so that a run that fails half-way can be replayed.
        FileHandle.standardError.write(Data("cpdbot-bench-console: seed \(seed)\n".utf8))
        var generator = ConsoleBenchmarkStore(seed: seed, storeDirectory: URL(fileURLWithPath: store))
        generator.people = people
        generator.cycles = cycles
        generator.journalLines = journalLines
        let summary = try generator.write(signInFile: URL(fileURLWithPath: signInFile))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print(String(decoding: try encoder.encode(summary), as: UTF8.self))
    }
}
