import Config
import Documents
import Foundation
import Regulation
import Store

/// Where `plan check` gets the roster: `--roster FILE`, else the store's `roster/roster.csv`
/// (the store path from the configuration), else none (participants are then not checked).
extension PlanCheckCommand {
    func loadRoster() throws -> StaffRoster? {
        if let roster { return try Self.rosterFile(roster) }
        let loaded: LoadedConfiguration
        do {
            loaded = try ConfigurationLoader().load(file: global.config)
        } catch {
            throw CLIExit.couldNotRun(error.description)
        }
        // Opening a store creates its folders: only look where a store already exists.
        let root = URL(fileURLWithPath: loaded.configuration.store.path)
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("roster/roster.csv").path) else {
            return nil
        }
        do {
            let people = try FileStore(root: root).roster.load().people
            return StaffRoster(people.map { person in
                StaffMember(email: person.email, category: person.category == .pps ? .pps : .abp,
                            isLeadership: person.leadership)
            })
        } catch {
            throw CLIExit.couldNotRun("cannot read the roster in the store \(root.path): \(error)")
        }
    }

    /// A roster file given on the command line, in any table format Documents reads.
    static func rosterFile(_ path: String) throws -> StaffRoster {
        let document = try document(path)
        do {
            guard let table = document.tables.first else { throw RegulationError.headerNotFound(table: path, missing: ["email", "category"]) }
            let (roster, issues) = try RosterTableReader().read(table)
            for issue in issues { CLIExit.printError("\(path): \(issue) (row skipped)") }
            return roster
        } catch {
            throw CLIExit.couldNotRun("\(path): \(error)")
        }
    }
}
