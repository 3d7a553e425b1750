import Foundation
import Testing
@testable import Regulation

/// Bad holiday files are refused with the key and the line to fix.
@Suite struct HolidayCalendarYAMLTests {
    static let minimal = """
        holidays:
          - {name: New Year, date: "01-01"}
        years:
          2026:
            kurban_ait: 2026-05-27
        """

    @Test func theMinimalFileLoads() throws {
        let calendar = try HolidayCalendar(yaml: Self.minimal)
        #expect(try !calendar.isWorkingDay(Fixtures.date("2026-01-01")))
        #expect(try calendar.isWorkingDay(Fixtures.date("2026-01-02")))
    }

    @Test(arguments: [
        // (replace, with, key named in the error)
        ("kurban_ait: 2026-05-27", "kurban_ait: 27.05.2026", "years.2026.kurban_ait"),
        ("kurban_ait: 2026-05-27", "kurban_ait: 2025-06-06", "years.2026.kurban_ait"),
        ("kurban_ait: 2026-05-27", "kurbanait: 2026-05-27", "years.2026.kurbanait"),
        ("kurban_ait: 2026-05-27", "days_off: [{date: 2026-01-03}]", "years.2026"),
        ("kurban_ait: 2026-05-27", "kurban_ait: 2026-05-27\n    days_off: [{date: 2026-01-03}]", "years.2026.days_off[0].date"),
        ("kurban_ait: 2026-05-27", "kurban_ait: 2026-05-27\n    working_days: [{date: 2026-01-05}]", "years.2026.working_days[0].date"),
        ("2026:", "twenty:", "years.twenty"),
        ("\"01-01\"", "\"13-01\"", "holidays[0].date"),
        ("holidays:", "holiday:", "holiday"),
    ])
    func badValuesNameTheKey(replace: String, with: String, key: String) throws {
        let text = Self.minimal.replacingOccurrences(of: replace, with: with)
        do {
            _ = try HolidayCalendar(yaml: text, source: "h.yml")
            Issue.record("accepted a bad file: \(text)")
        } catch let error {
            guard case let .invalidConfiguration(file, errorKey, _, _) = error else {
                Issue.record("unexpected error \(error)"); return
            }
            #expect(file == "h.yml")
            #expect(errorKey == key)
        }
    }

    @Test(arguments: ["", "[1, 2", "holidays: 5", ":\n- -"])
    func hostileDocumentsAreErrorsNotCrashes(_ text: String) {
        #expect(throws: RegulationError.self) { try HolidayCalendar(yaml: text) }
    }
}
