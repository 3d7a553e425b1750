import Documents
import Applications

/// A cell in a test table: `"text"`, `72`, `72.5`, `.date(2024, 3, 15)`, `.copy("text")` for a
/// merged-region copy, `""` for empty.
enum C: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    case text(String)
    case number(Double)
    case date(Int, Int, Int)
    case copy(String)

    init(stringLiteral value: String) { self = .text(value) }
    init(integerLiteral value: Int) { self = .number(Double(value)) }
    init(floatLiteral value: Double) { self = .number(value) }

    var cell: Cell {
        switch self {
        case .text(let text): return text.isEmpty ? .empty : Cell(.text(text))
        case .number(let number): return Cell(.number(number))
        case .date(let y, let m, let d): return Cell(.date(year: y, month: m, day: d))
        case .copy(let text): return Cell(.text(text), isMergedCopy: true)
        }
    }
}

/// Builds a table whose rows are numbered from `firstRow` (1 = the top of the sheet).
func makeTable(_ rows: [[C]], name: String = "Sheet1", hidden: Bool = false, firstRow: Int = 1) -> Table {
    Table(name: name, isHidden: hidden, rows: rows.enumerated().map { index, cells in
        Row(number: firstRow + index, cells: cells.map(\.cell))
    })
}

/// The standard Kazakh header of Appendix 1, in the regulation's order.
let kazakhHeader: [C] = [
    "№", "Мектеп", "Т.А.Ә.\n(Тегі, Аты, Әкесінің аты)",
    "Жоғары және (немесе) жоғары оқу орнынан кейінгі білім беру кадрларын даярлау бағыты",
    "Білім беру бағдарламасы",
    "Оқытылатын бейін бойынша соңғы өткен біліктілікті арттыру курстарының атауы",
    "Біліктілікті арттыру курсынан соңғы өткен күні",
    "Біліктілікті арттырудың соңғы курсынан өткен сағаттар саны",
    "Байланыс телефоны", "E-mail",
]

/// One employee row in the standard column order.
func employee(_ no: C = 1, school: C = "Құқық жоғары мектебі", name: C = "Сәрсенбаева Ақмарал Ұзаққызы",
              direction: C = "6B04201 Құқықтану", programme: C = "6B04201 Құқықтану",
              course: C = "Legal Writing", date: C = "15.03.2024", hours: C = 72,
              phone: C = "+7 778 731 53 15", email: C = "a.user@kazguu.kz") -> [C] {
    [no, school, name, direction, programme, course, date, hours, phone, email]
}

let receipt = CalendarDay(year: 2026, month: 5, day: 20)!
