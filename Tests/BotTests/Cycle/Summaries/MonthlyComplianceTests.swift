import Documents
import Foundation
import Regulation
import Store
import Testing
@testable import Bot

/// Issue 6 item 6: the §6.3 findings go to DSHR on the first working day of each month
/// (Kazakhstan's calendar), with the CSV attached, once per month.
@Suite struct MonthlyComplianceTests {
    static func calendar() throws -> HolidayCalendar {
        try CycleRules.load(directory: MailSandbox.repository.appendingPathComponent("config")).calendar
    }

    @Test(arguments: [
        ("2025-01-20", "2025-01-05"),   // 1–2 Jan holidays, 3 Jan transferred off, Sun 5 Jan a working day
        ("2026-01-31", "2026-01-05"),   // Thu–Fri holidays, then the weekend
        ("2026-02-14", "2026-02-02"),   // 1 Feb is a Sunday
        ("2026-03-02", "2026-03-02"),   // 1 Mar is a Sunday; 8 Mar (Sun) moves to 9 Mar, later
        ("2026-05-29", "2026-05-04"),   // Fri 1 May holiday, weekend
        ("2026-08-03", "2026-08-03"),   // Sat 1, Sun 2 Aug
        ("2026-09-30", "2026-09-01"),
        ("2027-01-20", "2027-01-05"),   // Fri 1 Jan; Sat 2 Jan carried over to Mon 4 Jan
    ])
    func firstWorkingDay(day: String, expected: String) throws {
        let first = try MonthlyCompliance.firstWorkingDay(ofMonthOf: CivilDate(text: day)!, calendar: Self.calendar())
        #expect(first.iso == expected)
    }

    /// A year the calendar does not hold, or a month whose Kurban Ait is not announced yet, is an
    /// error that says so, never a guess.
    @Test(arguments: ["2031-03-10", "2027-05-10"])
    func anUnknownCalendarIsAnError(day: String) throws {
        #expect(throws: RegulationError.self) {
            try MonthlyCompliance.firstWorkingDay(ofMonthOf: CivilDate(text: day)!, calendar: Self.calendar())
        }
    }

    @Test func onTheFirstWorkingDayOnceWithTheCSV() throws {
        let f = try ReportsFixture(now: ReportsFixture.morning("2026-09-01"))
        // A certificate-free roster: both PPS are behind (§6.3.1), the head is also leadership (§6.3.2).
        let run = f.desk.reportToDSHR(today: CivilDate(text: "2026-09-01")!)
        #expect(run.queued == ["compliance_report": 1] && run.failures.isEmpty)
        let entry = try #require(try f.entries("compliance:").first)
        #expect(entry.purpose == "compliance:2026-09" && entry.recipients == [CycleDeskTests.dshr])
        let (text, files) = try f.text(of: entry)
        #expect(text.contains("Бауыржан Оспанов, Law <head.desk@kazguu.kz>"), "\(text)")
        #expect(text.contains("Анна Ли, Law <a.desk@kazguu.kz>: 0 ч с 1\u{00A0}сентября 2021\u{00A0}г."), "\(text)")
        #expect(text.contains("П. 6.3.2") && text.contains("(1):"), "\(text)")
        // A workbook: Excel in Russian or Kazakh would open a comma-separated file as one column.
        let workbook = try #require(files["Обязательное_обучение_01.09.2026.xlsx"], "DSHR's language: \(files.keys)")
        let table = try #require(try DocumentReader.read(bytes: Array(workbook), fileName: "report.xlsx").tables.first)
        let lines = table.rows.map { row in
            row.cells.map { cell -> String in
                switch cell.value {
                case let .text(text): text
                case let .number(number): String(Int(number))
                default: ""
                }
            }.joined(separator: ",")
        }
        #expect(lines.first == "Электронная почта,Требование,Начало периода,Учтено часов,Требуется часов,Пункт Положения,ФИО,Подразделение")
        let expected = try f.desk.compliance(asOf: CivilDate(text: "2026-09-01")!)
        #expect(lines.count == expected.count + 1)
        #expect(lines.contains { $0.hasPrefix("head.desk@kazguu.kz,Руководитель: нет обучения по менеджменту,01.09.2021,") }, "\(lines)")

        // Twice on the day, and any other day of the month: nothing more.
        #expect(f.desk.reportToDSHR(today: CivilDate(text: "2026-09-01")!).alreadyQueued == 1)
        #expect(f.desk.reportToDSHR(today: CivilDate(text: "2026-09-02")!).queued.isEmpty)
        #expect(try f.entries("compliance:").count == 1)
        // The next month's first working day: the next report.
        #expect(f.desk.reportToDSHR(today: CivilDate(text: "2026-10-01")!).queued == ["compliance_report": 1])
    }
}
