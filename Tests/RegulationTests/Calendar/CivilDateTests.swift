import Testing
@testable import Regulation

@Suite struct CivilDateTests {
    @Test(arguments: [
        // §8 reading: same day N months later, else the month's last day.
        ("2026-08-31", 6, "2027-02-28"), ("2027-11-30", 3, "2028-02-29"), ("2028-02-29", 12, "2029-02-28"),
        ("2026-03-31", 6, "2026-09-30"), ("2026-01-31", 1, "2026-02-28"), ("2024-01-31", 1, "2024-02-29"),
        ("2026-12-15", 1, "2027-01-15"), ("2026-09-01", 24, "2028-09-01"), ("2026-09-01", 0, "2026-09-01"),
    ])
    func addingMonths(start: String, months: Int, end: String) {
        #expect(Fixtures.date(start).adding(months: months).iso == end)
    }

    @Test(arguments: ["1970-01-01", "2000-02-29", "2026-12-31", "1899-12-30", "2400-02-29"])
    func dayNumbersRoundTrip(_ iso: String) {
        let date = Fixtures.date(iso)
        #expect(CivilDate(dayNumber: date.dayNumber) == date)
    }

    @Test(arguments: [
        ("2026-07-03", "Fri"), ("2025-01-05", "Sun"), ("2000-01-01", "Sat"), ("1970-01-01", "Thu"),
    ])
    func weekdays(date: String, weekday: String) {
        #expect(Fixtures.date(date).weekday.rawValue == weekday)
    }

    @Test(arguments: [
        ("2026-08-27", "2026-08-27"), ("27.08.2026", "2026-08-27"), ("7.8.2026", "2026-08-07"),
        (" 2026-08-27 ", "2026-08-27"),
    ])
    func parsing(text: String, iso: String) {
        #expect(CivilDate(text: text)?.iso == iso)
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "31.04.2026", "2026/08/27", "", "٢٠٢٦-٠٨-٢٧",
                      "-2026-08-27", "2026-8-27", "99999999999999999999-01-01", "27.08.26"])
    func invalidDatesAreNil(_ text: String) {
        #expect(CivilDate(text: text) == nil)
    }

    @Test(arguments: [(46206.0, "2026-07-03"), (61.0, "1900-03-01"), (45658.0, "2025-01-01")])
    func spreadsheetSerials(serial: Double, iso: String) {
        #expect(CivilDate(spreadsheetSerial: serial)?.iso == iso)
    }

    @Test(arguments: [46206.5, -1, 0, 60, .nan, .infinity, 1e300])
    func implausibleSerialsAreNil(_ serial: Double) {
        #expect(CivilDate(spreadsheetSerial: serial) == nil)
    }
}
