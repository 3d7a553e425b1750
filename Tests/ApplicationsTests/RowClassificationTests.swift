import Testing
import Documents
@testable import Applications

/// Rows below the header that are not employee rows are neither returned nor reported.
@Suite struct RowClassificationTests {
    private func read(_ rows: [[C]]) -> ApplicationReading {
        ApplicationReader.read(tables: [makeTable([kazakhHeader] + rows)], receivedOn: receipt)
    }

    static let skipped: [(String, [C])] = [
        ("empty row", []),
        ("blank cells", ["", " ", "\u{00A0}"]),
        ("column numbers", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
        ("column numbers as text", ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]),
        ("section", ["Faculty (PPS)", .copy("Faculty (PPS)"), .copy("Faculty (PPS)"), .copy("Faculty (PPS)")]),
        ("section in the name column", ["", "", "Administrative staff (ABP)"]),
        ("total with a sum", ["", "", "Барлығы:", "", "", "", "", 300]),
        ("total with a count", ["Итого: 4 человека"]),
        ("total in Russian, name column", ["", "", "Итого: 5 чел.", "", "", "", "", 180]),
        ("Всего", ["Всего", "", "", "", "", "", "", 72]),
        ("Total", ["", "Total", "", "", "", "", "", 144, ""]),
        ("Жалпы саны", ["Жалпы саны: 2"]),
        ("total label by the sum", ["", "", "", "", "", "Итого часов:", "", 144]),
        ("signature", ["Құқық жоғары мектебінің деканы ________________ Ә.Қ. Сейтқали"]),
        ("signature over cells", ["", "Декан", "", "", "____________", "", "", "А. Williams"]),
        ("prepared by", ["Орындаған: Ким Е.С., әдіскер", "", "", "", "", "", "", "", "ішкі тел. 431"]),
        ("approval", ["Проректор", "", "А.Б. Сейтов"]),
        ("date line", ["Күні:", "", "20.05.2026"]),
        ("stamp", ["М.П."]),
        ("template row", [6]),
        ("template row with school", [7, "Бизнес мектеп"]),
        ("repeated header", kazakhHeader),
        ("a lone number elsewhere", ["", "", "", "", "", "", "", 72]),
    ]

    @Test(arguments: skipped)
    func skips(_ label: String, _ row: [C]) {
        let reading = read([employee(), row, employee(2, email: "b.user@kazguu.kz")])
        #expect(reading.rows.count == 2, "\(label)")
        #expect(reading.invalidRows.isEmpty, "\(label): \(reading.invalidRows)")
    }

    @Test func aTwoRowHeaderRepeatedOnTheNextPageIsSkipped() {
        let upper: [C] = ["№", "Т.А.Ә.", "Соңғы курс", .copy("Соңғы курс"), .copy("Соңғы курс"), "E-mail"]
        let lower: [C] = [.copy("№"), .copy("Т.А.Ә."), "атауы", "өткен күні", "сағат саны", .copy("E-mail")]
        let person: [C] = [1, "Иванов Иван", "Excel", "01.02.2023", 36, "i@kazguu.kz"]
        let table = makeTable([upper, lower, person, upper, lower, [2, "Петров Пётр", "Word", "", "", "p@kazguu.kz"]])
        let reading = ApplicationReader.read(tables: [table], receivedOn: receipt)
        #expect(reading.rows.map(\.no) == [1, 2])
        #expect(reading.invalidRows.isEmpty)
    }

    @Test func aVerticallyMergedSchoolAppliesToEveryRowItCovers() {
        let reading = read([
            employee(1, school: "Жоғары гуманитарлық мектеп", email: "a@kazguu.kz"),
            employee(2, school: .copy("Жоғары гуманитарлық мектеп"), email: "b@kazguu.kz"),
            employee(3, school: .copy("Жоғары гуманитарлық мектеп"), email: "c@kazguu.kz"),
        ])
        #expect(reading.rows.map(\.school) == Array(repeating: "Жоғары гуманитарлық мектеп", count: 3))
    }

    @Test func aBlankSchoolStaysBlank() {
        let reading = read([employee(1, email: "a@kazguu.kz"), employee(2, school: "", email: "b@kazguu.kz")])
        #expect(reading.rows.map(\.school) == ["Құқық жоғары мектебі", nil])
    }

    @Test func aRowWithANameAndNothingElseIsOneTextCell() {
        // README: a row whose only content is one text cell is a title, section or footer row.
        let reading = read([["", "", "Иванов Иван"]])
        #expect(reading.rows.isEmpty && reading.invalidRows.isEmpty)
    }

    @Test func aNumberedRowWithANameButNoAddressIsReported() {
        let reading = read([[5, "", "Иванов Иван"]])
        #expect(reading.invalidRows == [RowProblem(row: 2, field: .email, problem: .missing)])
    }

    @Test func aCourseTitledTotalQualityIsStillAnEmployee() {
        let reading = read([employee(course: "Total Quality Management")])
        #expect(reading.rows.map(\.lastCourse) == ["Total Quality Management"])
        let withoutAddress = read([employee(course: "Жалпы психология", email: "")])
        #expect(withoutAddress.invalidRows == [RowProblem(row: 2, field: .email, problem: .missing)])
    }

    @Test func rowsAboveTheHeaderAreNeverEmployees() {
        let table = makeTable([["Өтінім"], employee(9, email: "above@kazguu.kz"), kazakhHeader, employee()])
        let reading = ApplicationReader.read(tables: [table], receivedOn: receipt)
        #expect(reading.rows.map(\.email) == ["a.user@kazguu.kz"])
    }
}
