import Testing
import CivilCalendar

@Suite struct CivilCalendarTests {
    @Test(arguments: [
        (1970, 1, 1, 0), (1969, 12, 31, -1), (2000, 2, 29, 11_016), (2026, 5, 12, 20_585),
        (1899, 12, 30, -25_569), (1904, 1, 1, -24_107), (2400, 3, 1, 157_114),
    ])
    func dayNumbersRoundTrip(year: Int, month: Int, day: Int, number: Int) {
        #expect(CivilCalendar.dayNumber(year: year, month: month, day: day) == number)
        let back = CivilCalendar.civil(fromDayNumber: number)
        #expect(back.year == year && back.month == month && back.day == day)
    }

    @Test func everyDayOfFourCenturiesRoundTrips() {
        var previous = CivilCalendar.dayNumber(year: 1800, month: 1, day: 1) - 1
        for year in 1800...2200 {
            for month in 1...12 {
                for day in 1...CivilCalendar.daysIn(month: month, year: year) {
                    let number = CivilCalendar.dayNumber(year: year, month: month, day: day)
                    #expect(number == previous + 1)
                    previous = number
                }
            }
        }
    }

    @Test func leapYearsAndText() {
        #expect(CivilCalendar.isLeap(2000) && CivilCalendar.isLeap(2024) && !CivilCalendar.isLeap(1900) && !CivilCalendar.isLeap(2026))
        #expect(CivilCalendar.iso(year: 987, month: 3, day: 5) == "0987-03-05")
    }
}
