import Foundation
import Documents
import Staff
@testable import Regulation

/// Loads the sample roster and a cycle file through the test CSV reader.
enum CycleCase {
    static func roster() throws -> StaffRoster {
        let table = TinyCSV.table(try Fixtures.text(Fixtures.samples.appendingPathComponent("roster.csv")))
        let (roster, skipped) = try RosterReader.read(table)
        precondition(skipped.isEmpty, "roster fixture has issues: \(skipped)")
        return StaffRoster(roster)
    }

    static func csvTable(_ relativePath: String) throws -> Table {
        TinyCSV.table(try Fixtures.text(Fixtures.cycle.appendingPathComponent(relativePath)), name: relativePath)
    }
}
