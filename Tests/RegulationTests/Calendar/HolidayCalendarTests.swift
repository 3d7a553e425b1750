import Testing
@testable import Regulation

/// The calendar the §7.7 reading relies on, day by day against the published lists
/// (samples/cycle/README.md, "Working days").
@Suite struct HolidayCalendarTests {
    static func nonWorkingWeekdays(_ year: Int, months: ClosedRange<Int> = 1...12) throws -> [String] {
        let calendar = try Fixtures.holidays()
        var day = Fixtures.date("\(year)-01-01")
        var result: [String] = []
        while day.year == year {
            if months.contains(day.month), !day.weekday.isWeekend, try !calendar.isWorkingDay(day) {
                result.append(String(day.iso.dropFirst(5)))
            }
            day = day.adding(days: 1)
        }
        return result
    }

    @Test func published2025() throws {
        #expect(try Self.nonWorkingWeekdays(2025) == [
            "01-01", "01-02", "01-03", "01-07", "03-10", "03-21", "03-24", "03-25",
            "05-01", "05-07", "05-09", "06-06", "07-07", "09-01", "10-27", "12-16"])
        #expect(try Fixtures.holidays().workingDayCount(in: 2025) == 246)
        #expect(try Fixtures.holidays().isWorkingDay(Fixtures.date("2025-01-05")))
    }

    @Test func published2026() throws {
        #expect(try Self.nonWorkingWeekdays(2026) == [
            "01-01", "01-02", "01-07", "03-09", "03-23", "03-24", "03-25",
            "05-01", "05-07", "05-11", "05-27", "07-06", "10-26", "12-16"])
        #expect(try Fixtures.holidays().workingDayCount(in: 2026) == 247)
        #expect(try Fixtures.holidays().isWorkingDay(Fixtures.date("2026-08-31")))
    }

    /// 2027 is computed from the rules (15 Mar is a holiday from 2027). May–June wait for Kurban Ait.
    @Test func computed2027OutsideTheKurbanAitWindow() throws {
        #expect(try Self.nonWorkingWeekdays(2027, months: 1...4) == [
            "01-01", "01-04", "01-07", "03-08", "03-15", "03-22", "03-23", "03-24"])
        #expect(try Self.nonWorkingWeekdays(2027, months: 7...12) == ["07-06", "10-25", "12-16"])
    }

    @Test func kurbanAitNotAnnouncedIsAnErrorNotAGuess() throws {
        let calendar = try Fixtures.holidays()
        #expect(throws: RegulationError.kurbanAitNotAnnounced(year: 2027, date: Fixtures.date("2027-05-17"),
                                                               file: "config/holidays-kz.yml")) {
            try calendar.isWorkingDay(Fixtures.date("2027-05-17"))
        }
    }

    @Test(arguments: [
        // (date, label): the reasons the preview and `calendar deadline` print.
        ("2025-01-03", "2025-01-03 Fri: transferred day off (from Sun 5 Jan 2025)"),
        ("2026-03-24", "2026-03-24 Tue: carry-over of Nauryz (Sat 21 Mar)"),
        ("2026-01-07", "2026-01-07 Wed: Orthodox Christmas (not carried over)"),
        ("2026-05-27", "2026-05-27 Wed: Kurban Ait, day 1"),
        ("2026-05-30", "2026-05-30 Sat: weekend"),
        ("2026-05-28", "2026-05-28 Thu: working day"),
    ])
    func dayLabels(date: String, label: String) throws {
        #expect(try Fixtures.holidays().status(of: Fixtures.date(date)).description == label)
    }

    /// Rules alone, on invented data: 7 Jan on a Sunday is not moved, an ordinary holiday is,
    /// and a carry-over skips a later holiday and a transferred day off.
    @Test func carryOverSkipsTheWholeBlock() throws {
        let calendar = HolidayCalendar(holidays: [
            FixedHoliday(name: "A", date: MonthDay("01-07")!, movesOffWeekend: false),     // Sun 7 Jan 2029
            FixedHoliday(name: "B", date: MonthDay("01-06")!),                            // Sat 6 Jan 2029
            FixedHoliday(name: "C", date: MonthDay("01-08")!),                            // Mon 8 Jan 2029
        ], years: [HolidayYear(year: 2029, kurbanAit: Fixtures.date("2029-04-24"),
                               transferredDaysOff: [TransferredDay(date: Fixtures.date("2029-01-09"), note: "t")])])
        #expect(try calendar.status(of: Fixtures.date("2029-01-10")).reason == .carryOver(of: "B", from: Fixtures.date("2029-01-06")))
        #expect(try calendar.isWorkingDay(Fixtures.date("2029-01-11")))
        #expect(try !calendar.isWorkingDay(Fixtures.date("2029-04-24")))
    }
}
