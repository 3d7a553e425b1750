import ArgumentParser
import Bot
import Config
import Foundation
import Store

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent backup of the store (a .tar.gz), also while `cpdbot run` runs.",
        discussion: """
            The store is copied while nothing changes it (run lets go between two passes; the copy \
            waits for at most one pass), then archived with a manifest of every file's SHA-256. \
            --into DIR names the file by the date and keeps the newest --keep backups there.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "The backup file to write.")
    var to: String?

    @Option(name: .long, help: "A folder to write cpdbot-<date>.tar.gz into (the nightly timer uses it).")
    var into: String?

    @Option(name: .long, help: "With --into: how many backups to keep there (the oldest are deleted).")
    var keep: Int = 14

    func validate() throws {
        guard (to == nil) != (into == nil) else { throw ValidationError("give either --to FILE or --into DIR") }
        guard keep >= 1 else { throw ValidationError("--keep must be at least 1") }
    }

    func run() throws {
        let store = try StoreCommands.existingStore(global)
        let backup = StoreBackup(store: store)
        do {
            if let to {
                let manifest = try backup.write(to: URL(fileURLWithPath: to))
                print("backup \(to): \(manifest.files.count) file(s)")
            } else if let into {
                let folder = URL(fileURLWithPath: into)
                let written = try backup.write(into: folder, keep: keep)
                print("backup \(written.file.path); deleted \(written.deleted.count) older backup(s), \(keep) kept")
            }
        } catch {
            throw CLIExit.couldNotRun("backup of \(store.root.path): \(error)")
        }
    }
}

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup into an empty folder, checked whole before anything is written.",
        discussion: """
            Refuses a target that is not empty. Messages the backup had not yet sent are checked \
            against the bot's copies in the mailbox before they are sent again, so nothing goes out \
            twice. Point store.path at the folder (or restore into it) and start cpdbot.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The backup file (.tar.gz) written by cpdbot backup.")
    var file: String

    @Option(name: .long, help: "The folder to restore into; it must not exist or be empty.")
    var store: String

    func run() throws {
        let target = URL(fileURLWithPath: store)
        do {
            let manifest = try StoreRestore().restore(URL(fileURLWithPath: file), to: target)
            let restored = try FileStore(root: target)
            let marked = try restored.outbox.markUnsentAsInFlight()
            print("restored \(manifest.files.count) file(s) into \(target.path); \(marked) unsent message(s) will be "
                + "checked against the mailbox before they are sent")
        } catch let error as StoreError {
            throw CLIExit.couldNotRun("restore \(file): \(error.description)")
        } catch {
            throw CLIExit.couldNotRun("restore \(file): \(error)")
        }
    }
}

/// The store of a read-only command, which must exist already (opening creates the layout).
enum StoreCommands {
    static func configuration(_ global: GlobalOptions, notes: Bool = false) throws -> CPDBotConfiguration {
        let loaded: LoadedConfiguration
        do {
            loaded = try ConfigurationLoader().load(file: global.configurationFile, missingMeansDefaults: !global.configurationFileWasNamed)
        } catch {
            throw CLIExit.couldNotRun("configuration \(global.configurationFile): \(error.description)")
        }
        if notes { for note in loaded.notes { CLIExit.printNote(note) } }
        return loaded.configuration
    }

    static func existingStore(_ global: GlobalOptions) throws -> FileStore {
        let path = try configuration(global, notes: true).store.path
        guard FileManager.default.fileExists(atPath: URL(fileURLWithPath: path).appendingPathComponent("journal.jsonl").path)
                || FileManager.default.fileExists(atPath: URL(fileURLWithPath: path).appendingPathComponent("outbox").path) else {
            throw CLIExit.couldNotRun("no store at \(path) (store.path); check store.path in the configuration")
        }
        do {
            return try FileStore(root: URL(fileURLWithPath: path))
        } catch {
            throw CLIExit.couldNotRun("store \(path): \(error)")
        }
    }
}
