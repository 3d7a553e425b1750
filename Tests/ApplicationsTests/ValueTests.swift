import Testing
import Foundation
import Documents
@testable import Applications

@Suite struct ValueTests {
    static let texts: [(CellValue, String?)] = [
        (.text("  Ким\u{00A0}Елена \n Сергеевна\u{00A0} "), "Ким Елена Сергеевна"),
        (.text("6B03101\nХалықаралық қатынастар"), "6B03101 Халықаралық қатынастар"),
        (.text("a\u{2029}b\r\nc\td"), "a b c d"),
        (.text("\u{FEFF}\u{200B}ДИТ"), "ДИТ"),
        (.text(" \u{00A0}\n"), nil), (.empty, nil), (.number(72), "72"), (.number(36.5), "36.5"),
    ]

    @Test(arguments: texts)
    func normalisesText(_ value: CellValue, _ expected: String?) {
        #expect(CellText.of(value) == expected)
    }

    static let numbers: [(CellValue, Int?)] = [
        (.number(3), 3), (.number(3.0), 3), (.text("3"), 3), (.text(" 3. "), 3), (.text("03"), 3),
        (.text("3.0"), 3), (.number(2.5), nil), (.text("а"), nil), (.empty, nil), (.number(.nan), nil),
        (.number(1e300), nil),
    ]

    @Test(arguments: numbers)
    func readsTheNumberColumn(_ value: CellValue, _ expected: Int?) {
        #expect(SerialNumber.parse(value) == expected)
    }

    static let dates: [(CellValue, String?)] = [
        (.date(year: 2023, month: 12, day: 30), "2023-12-30"),
        (.number(44730), "2022-06-18"), (.number(45495.75), "2024-07-22"), (.text("44730"), "2022-06-18"),
        (.text("44730.0"), "2022-06-18"),
        (.text("08.04.2023"), "2023-04-08"), (.text("8.4.2023"), "2023-04-08"), (.text("2026-02-05"), "2026-02-05"),
        (.text("14/07/2021"), "2021-07-14"), (.text("02/01/2025"), "2025-01-02"),
        (.text("2023-12-30 00:00:00"), "2023-12-30"), (.text("29.04.2022 ж."), "2022-04-29"),
        (.text("31.02.2025"), nil), (.text("2023 ж."), nil), (.text("2023"), nil), (.text("биыл көктемде"), nil),
        (.text("12.2023"), nil), (.text("2023.13.01"), nil), (.number(-5), nil), (.number(1e12), nil),
        (.bool(true), nil), (.date(year: 2025, month: 2, day: 29), nil), (.text("29.02.2024"), "2024-02-29"),
        (.text("15.03.2024ж."), "2024-03-15"), (.text("15.03.2024."), "2024-03-15"), (.text("07/14/2021"), nil), (.text("15.03.2024 г."), "2024-03-15"),
        (.text("2024-03-15T00:00:00"), "2024-03-15"), (.text("15.03.24"), nil), (.text("15.03.2024 кейін"), nil),
    ]

    @Test(arguments: dates)
    func readsDates(_ value: CellValue, _ expected: String?) {
        let outcome = CourseDate.parse(value, earliestYear: 1950)
        if let expected {
            #expect(outcome == .date(CalendarDay(iso: expected)!))
        } else {
            #expect(outcome == .invalid)
        }
    }

    @Test func anEmptyDateIsNull() {
        #expect(CourseDate.parse(.empty, earliestYear: 1950) == .empty)
        #expect(CourseDate.parse(.text(" "), earliestYear: 1950) == .empty)
    }

    static let hours: [(CellValue, CourseHours.Outcome)] = [
        (.number(72), .hours(72)), (.number(72.0), .hours(72)), (.text("72"), .hours(72)),
        (.text("72 сағ"), .hours(72)), (.text("72 сағат"), .hours(72)), (.text("72 ч."), .hours(72)),
        (.text("72 часов"), .hours(72)), (.text("72 hours"), .hours(72)), (.text("72h"), .hours(72)),
        (.text("72.0"), .hours(72)), (.text("72,0"), .hours(72)), (.text("72 ак. ч."), .hours(72)),
        (.text("72-сағ"), .hours(72)), (.text("72 саг."), .hours(72)),
        (.text("жетпіс екі"), .invalid), (.text("жетпіс екі сағат"), .invalid), (.text("36,5"), .invalid),
        (.number(36.5), .invalid), (.text("72 сағ / 3 кредит"), .invalid), (.date(year: 2024, month: 1, day: 1), .invalid),
        (.number(0), .outOfRange), (.number(2500), .outOfRange), (.text("2500 сағ"), .outOfRange),
        (.text("-8"), .outOfRange), (.number(2000), .hours(2000)), (.number(1), .hours(1)),
        (.empty, .empty), (.text("  "), .empty), (.number(.infinity), .invalid),
    ]

    @Test(arguments: hours)
    func readsHours(_ value: CellValue, _ expected: CourseHours.Outcome) {
        #expect(CourseHours.parse(value, range: 1...2000) == expected)
    }

    static let phones: [(CellValue, String?)] = [
        (.text("+7 778 731 53 15"), "+77787315315"), (.text("8 (747) 405-67-31"), "+77474056731"),
        (.text("87717588390"), "+77717588390"), (.text("+7(775)3-147-596"), "+77753147596"),
        (.number(87751104804), "+77751104804"), (.text("7015551234"), "+77015551234"),
        (.text("77015551234"), "+77015551234"), (.text("+7 (7172) 49-73-67"), "+77172497367"),
        (.text("8 701 555 12 34, 8 702 555 12 34"), "+77015551234"), (.text("+44 20 7946 0958"), "+442079460958"),
        (.text("ішкі 431"), "ішкі 431"), (.empty, nil),
        (.text("8 701 555 12 34\r\n8 702 555 12 34"), "+77015551234"), (.text("87011234567.0"), "+77011234567"), (.text("8.7011234567E+10"), "+77011234567"),
        (.text("+77011234567"), "+77011234567"),
        (.text("+7 701 123 45 67 (вн. 123)"), "+77011234567"), (.text("тел.: 8 701 123 45 67"), "+77011234567"),
    ]

    @Test(arguments: phones)
    func normalisesPhones(_ value: CellValue, _ expected: String?) {
        #expect(PhoneNumber.normalise(value) == expected)
    }

    static let emails: [(CellValue, EmailAddress.Outcome)] = [
        (.text("a.user@kazguu.kz"), .valid("a.user@kazguu.kz")),
        (.text(" E.Kim@KazGUU.kz\u{00A0} "), .valid("e.kim@kazguu.kz")),
        (.text("someone+tag@gmail.com"), .valid("someone+tag@gmail.com")),
        (.text("mailto:a@mail.ru"), .valid("a@mail.ru")),
        (.text("r.seitkali.kazguu.kz"), .invalid("r.seitkali.kazguu.kz")),
        (.text("n.usenova@@kazguu.kz"), .invalid("n.usenova@@kazguu.kz")),
        (.text("a.baizhanova@kazguu"), .invalid("a.baizhanova@kazguu")),
        (.text("a user@kazguu.kz"), .invalid("a user@kazguu.kz")),
        (.text("a..b@kazguu.kz"), .invalid("a..b@kazguu.kz")),
        (.text("a@-kazguu.kz"), .invalid("a@-kazguu.kz")),
        (.text("а@kazguu.kz"), .invalid("а@kazguu.kz")),
        (.text("a@kazguu.kz; b@kazguu.kz"), .invalid("a@kazguu.kz; b@kazguu.kz")),
        (.empty, .missing), (.text("  "), .missing),
    ]

    @Test(arguments: emails)
    func checksEmails(_ value: CellValue, _ expected: EmailAddress.Outcome) {
        #expect(EmailAddress.check(value) == expected)
    }

    @Test func calendarDaysExistOrNot() {
        #expect(CalendarDay(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDay(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDay(year: 2025, month: 4, day: 31) == nil)
        #expect(CalendarDay(iso: "2026-05-20")?.iso == "2026-05-20")
        #expect(CalendarDay(iso: "2026-5-20") == nil)
        #expect(CalendarDay(iso: "x") == nil)
    }

    @Test func theTimeZoneDecidesTheDayOfReceipt() throws {
        let instant = Date(timeIntervalSince1970: 1_780_270_200)  // 2026-05-31T23:30:00Z
        #expect(CalendarDay(instant, in: try #require(TimeZone(identifier: "UTC"))).iso == "2026-05-31")
        #expect(CalendarDay(instant, in: try #require(TimeZone(identifier: "Asia/Almaty"))).iso == "2026-06-01")
        // Before 1 March 2024 Almaty was UTC+6: 18:30Z on 15 January 2024 was already the 16th there.
        let before2024Change = Date(timeIntervalSince1970: 1_705_343_400)  // 2024-01-15T18:30:00Z
        #expect(CalendarDay(before2024Change, in: try #require(TimeZone(identifier: "Asia/Almaty"))).iso == "2024-01-16")
        // Before 1970 too (the day number is negative).
        #expect(CalendarDay(Date(timeIntervalSince1970: -1), in: try #require(TimeZone(identifier: "UTC"))).iso == "1969-12-31")
    }
}
