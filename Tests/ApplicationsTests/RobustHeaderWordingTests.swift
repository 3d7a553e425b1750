import Foundation
import Testing
@testable import Applications

/// One header wording at a time swapped into an otherwise plain Appendix 1 header: the row under
/// it must still land in the right field. Wordings from heads' files of other offices.
@Suite struct RobustHeaderWordingTests {
    static let plain: [(ColumnMeaning, String, String)] = [
        (.no, "№", "1"), (.school, "Мектеп", "ДИТ"), (.fullName, "Т.А.Ә.", "Аа Бб Вв"),
        (.trainingDirection, "Даярлау бағыты", "6B04201 Құқықтану"), (.programme, "Білім беру бағдарламасы", "6B04103 Қаржы"),
        (.lastCourse, "Соңғы курс атауы", "Python курсы"), (.lastCourseDate, "Курс күні", "05.03.2024"),
        (.lastCourseHours, "Сағат саны", "72"), (.phone, "Телефон", "87011234567"), (.email, "E-mail", "a@kazguu.kz"),
    ]

    static let wordings: [(ColumnMeaning, String)] = [
        (.no, "Р/с"), (.no, "№ р/с"), (.no, "п/п"), (.no, "Nr."), (.no, "Nº"), (.no, "Реттік нөмірі"), (.no, "Н/п"),
        (.school, "Кафедра"), (.school, "Подразделение"), (.school, "Структурное подразделение"), (.school, "Department"),
        (.school, "Мектеп / бөлім атауы"), (.school, "Школа (факультет)"), (.school, "Жоғары мектеп"), (.school, "Высшая школа"),
        (.fullName, "Ф.И.О. сотрудника"), (.fullName, "Қызметкердің Т.А.Ә."), (.fullName, "Фамилия Имя Отчество"),
        (.fullName, "Аты жөні"), (.fullName, "Оқытушының аты-жөні"), (.fullName, "Ф. И. О."), (.fullName, "Name of employee"),
        (.fullName, "Employee"), (.fullName, "Participant"), (.fullName, "Aty-jóni"),
        (.trainingDirection, "ОП шифры"), (.trainingDirection, "Мамандық"), (.trainingDirection, "Специальность"),
        (.trainingDirection, "Шифр и наименование направления"), (.trainingDirection, "ОП шифры\nжәне атауы (бағыты)"),
        (.programme, "ББ"), (.programme, "Program"), (.programme, "Educational program"), (.programme, "Наименование ОП"),
        (.lastCourse, "Последний курс"), (.lastCourse, "Наименование курса ПК"), (.lastCourse, "Course title"),
        (.lastCourse, "Біліктілікті арттыру курсы"), (.lastCourse, "Пройденный курс"), (.lastCourse, "Курстың тақырыбы"),
        (.lastCourseDate, "Дата прохождения"), (.lastCourseDate, "Мерзімі"), (.lastCourseDate, "Дата окончания"),
        (.lastCourseDate, "Соңғы курс күні"), (.lastCourseDate, "Курс өткен уақыты"), (.lastCourseDate, "Дата выдачи сертификата"),
        (.lastCourseHours, "Объем (ч.)"), (.lastCourseHours, "Количество академических часов"), (.lastCourseHours, "Ак. сағат"),
        (.lastCourseHours, "Ұзақтығы (сағ.)"), (.lastCourseHours, "Duration"), (.lastCourseHours, "Көлемі"),
        (.phone, "Ұялы тел."), (.phone, "Моб. тел."), (.phone, "Контакты"), (.phone, "Телефон нөмірі"), (.phone, "WhatsApp"),
        (.email, "Эл.пошта"), (.email, "Электронды пошта"), (.email, "Почта"), (.email, "e-mail адресі"),
        (.email, "Электрондық мекенжайы"), (.email, "Корпоративтік пошта"), (.email, "Эл. адрес"), (.email, "Е-mail"),
        (.email, "Адрес электронной почты"), (.email, "E-mail (корпоративный)"), (.email, "Email address"), (.email, "Пошта"),
        // An example in the label, and a "personal" column when it is the only one.
        (.email, "E-mail (мысалы: a.user@kazguu.kz)"), (.email, "Эл. пошта, мысалы: a.user@kazguu.kz"), (.email, "Жеке email"),
        (.phone, "Жеке телефоны"), (.lastCourseDate, "Курс күні (мысалы: 01.03.2024)"), (.lastCourseHours, "Сағат саны (тек сан)"),
    ]

    static let receivedOn = CalendarDay(year: 2026, month: 5, day: 31)!

    @Test(arguments: 0..<wordings.count)
    func wordingLandsInItsField(_ index: Int) throws {
        let (meaning, wording) = Self.wordings[index]
        let header = Self.plain.map { $0.0 == meaning ? wording.replacingOccurrences(of: "\n", with: " ") : $0.1 }
        let csv = header.joined(separator: ";") + "\n" + Self.plain.map(\.2).joined(separator: ";") + "\n"
        let reading = ApplicationReader.read(bytes: Array(csv.utf8), fileName: "wording.csv", receivedOn: Self.receivedOn)
        let row = try #require(reading.rows.first, "\(wording): \(reading.invalidRows)")
        let expected = ApplicationRow(
            no: 1, school: "ДИТ", fullName: "Аа Бб Вв", trainingDirection: "6B04201 Құқықтану", programme: "6B04103 Қаржы",
            lastCourse: "Python курсы", lastCourseDate: "2024-03-05", lastCourseHours: 72,
            phone: "+77011234567", email: "a@kazguu.kz")
        #expect(row == expected, "\(wording) as \(meaning)")
    }
}
