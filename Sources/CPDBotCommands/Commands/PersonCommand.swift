import ArgumentParser
import Foundation
import Store

/// `cpdbot person`: a person's data shown or erased on request (Law 94-V).
struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "Show or erase everything the store holds about one person (Law 94-V).",
        subcommands: [PersonShowCommand.self, PersonEraseCommand.self])

    /// Who ran the command, for the journal: the login behind sudo, else the user.
    static var operatorName: String {
        let environment = ProcessInfo.processInfo.environment
        let name = environment["SUDO_USER"] ?? environment["LOGNAME"] ?? environment["USER"] ?? "unknown"
        return "\(name) (uid \(getuid()))"
    }
}

struct PersonShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Everything the store holds about one person: roster entry, application rows, messages, journal, outbox, Plans, certificates.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The person's e-mail address.") var email: String
    @Flag(name: .long, help: "Print JSON.") var json = false

    func run() throws {
        let store = try StoreCommands.existingStore(global)
        let data: PersonData
        do {
            data = try PersonData(store: store, email: email)
            // The access itself is recorded (an erase later replaces the address here too).
            try store.journal.append(JournalEvent(event: "person_shown", from: data.email,
                                                  detail: "data of one person shown by \(PersonCommand.operatorName)"))
        } catch let error as StoreError {
            throw CLIExit.couldNotRun(error.description)
        }
        if json {
            try CommandFiles.printJSON(["email": data.email, "findings": data.findings.map {
                ["area": $0.area.rawValue, "path": $0.path, "summary": $0.summary]
            }])
            return
        }
        guard !data.findings.isEmpty else {
            print("\(data.email): nothing in the store")
            return
        }
        print("\(data.email): \(data.findings.count) item(s) in \(store.root.path)")
        for area in PersonData.Area.allCases {
            let items = data.findings.filter { $0.area == area }
            guard !items.isEmpty else { continue }
            print("\(area.rawValue):")
            for item in items { print("  \(item.path): \(item.summary)") }
        }
    }
}

struct PersonEraseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Remove or anonymise one person's data everywhere, except what a legal duty keeps (said in the output).",
        discussion: "Needs the store to itself: stop cpdbot.service first (systemctl stop cpdbot).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The person's e-mail address.") var email: String
    @Flag(name: .long, help: "Confirm: the erasure cannot be undone (except from a backup).") var yes = false

    func validate() throws {
        guard yes else { throw ValidationError("erasing cannot be undone: add --yes to confirm") }
    }

    func run() throws {
        let store = try StoreCommands.existingStore(global)
        let report: PersonEraser.Report
        do {
            let lock = try store.lock()
            defer { lock.release() }
            report = try PersonEraser(store: store).erase(email: email, by: PersonCommand.operatorName)
        } catch let error as StoreError {
            throw CLIExit.couldNotRun(error.description)
        }
        print("erased as \(report.pseudonym):")
        for line in report.done { print("  \(line)") }
        if report.done.isEmpty { print("  nothing to erase outside what is kept") }
        if !report.kept.isEmpty {
            print("kept (a legal duty):")
            for item in report.kept { print("  \(item.path): \(item.reason)") }
        }
        if !report.remaining.isEmpty {
            CLIExit.printError("still naming the address: \(report.remaining.joined(separator: ", ")); erase or edit them by hand")
            throw CLIExit.inputHadProblems
        }
        print("backups taken before now still hold the data until they are rotated out (cpdbot-backup.timer keeps 14)")
    }
}
