import Config
import Documents
import Foundation
import Regulation
import Staff
import Store

/// What `plan check` takes from the store (store.path in --config), when there is one: the
/// roster (unless --roster names a file) and, with --cycle, the cycle's applicants.
extension PlanCheckCommand {
    /// `--roster FILE`, else the store's roster, else none (participants are then not checked).
    func loadRoster() throws -> StaffRoster? {
        if let roster { return try Self.rosterFile(roster) }
        guard let store = try existingStore(containing: "roster.csv") else { return nil }
        do {
            return StaffRoster(try store.roster.load())
        } catch {
            throw CLIExit.couldNotRun("cannot read the roster in the store \(store.root.path): \(error)")
        }
    }

    /// The addresses of everyone who applied for `cycle` (§7.4), or nil without a store.
    func loadApplicants(cycle: String) throws -> [String]? {
        guard let store = try existingStore(containing: "applications") else { return nil }
        do {
            return try store.applications.all(cycle: cycle).map(\.email)
        } catch {
            throw CLIExit.couldNotRun("cannot read the applications for \(cycle) in the store \(store.root.path): \(error)")
        }
    }

    /// The configured store, only if it already exists (opening a store creates its folders).
    private func existingStore(containing relativePath: String) throws -> FileStore? {
        let loaded: LoadedConfiguration
        do {
            loaded = try ConfigurationLoader().load(file: global.configurationFile, missingMeansDefaults: !global.configurationFileWasNamed)
        } catch {
            throw CLIExit.couldNotRun(error.description)
        }
        let root = URL(fileURLWithPath: loaded.configuration.store.path)
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(relativePath).path) else { return nil }
        do {
            return try FileStore(root: root)
        } catch {
            throw CLIExit.couldNotRun("cannot open the store \(root.path): \(error)")
        }
    }

    /// A roster file given on the command line, in any table format Documents reads.
    static func rosterFile(_ path: String) throws -> StaffRoster {
        let document = try document(path)
        do {
            guard let table = document.tables.first else {
                throw RegulationError.headerNotFound(table: path, missing: ["email", "category"])
            }
            let (roster, skipped) = try RosterReader.read(table)
            for issue in skipped { CLIExit.printError("\(path): \(issue) (row skipped)") }
            return StaffRoster(roster)
        } catch {
            throw CLIExit.couldNotRun("\(path): \(error)")
        }
    }
}
