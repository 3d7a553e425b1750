import Testing
import Documents
@testable import Regulation

/// Plans as people send them: headers in kk/ru/en in any order under title rows, values as
/// names, dates in every form, and broken rows reported with row and column.
@Suite struct PlanTableReaderTests {
    static func table(_ header: [String], _ rows: [[CellValue]], titleRows: Int = 0) -> Table {
        var all: [Row] = (0..<titleRows).map { Row(number: $0 + 1, cells: [Cell(.text("План повышения квалификации"))]) }
        all.append(Row(number: titleRows + 1, cells: header.map { Cell(.text($0)) }))
        for (index, values) in rows.enumerated() {
            all.append(Row(number: titleRows + 2 + index, cells: values.map { Cell($0) }))
        }
        return Table(name: "Sheet1", rows: all)
    }

    static let russianHeader = ["Участник (e-mail)", "Код курса", "Название курса", "Группа компетенций", "Аудитория",
                                "Вид курса", "Место проведения", "Срок", "Количество часов", "Дата начала",
                                "Дата окончания", "Язык обучения", "Форма проведения", "Стоимость, тенге"]

    @Test func russianHeadersInAnotherOrderUnderATitle() throws {
        let reading = try PlanTableReader().read(Self.table(Self.russianHeader, [
            [.text("A.B@KazGUU.kz "), .text("X-1"), .text("Курс"), .text("Лидерство"), .text("АУП"), .text("management"),
             .text("в Казахстане"), .text("краткосрочный"), .number(16), .text("05.10.2026"), .date(year: 2026, month: 10, day: 6),
             .text("русский"), .text("онлайн"), .text("120 000")],
            [.text("c.d@kazguu.kz"), .text("X-1"), .text("Курс"), .text("Лидерство"), .text("АУП"), .text("management"),
             .text("в Казахстане"), .text("краткосрочный"), .text("16"), .number(46300), .text("2026-10-06"),
             .text("русский"), .text("онлайн"), .number(120_000)],
        ], titleRows: 2))
        #expect(reading.issues == [])
        let course = try #require(reading.plan.course(id: "X-1"))
        #expect(course.group == .leadership && course.audience == .abp && course.location == .domestic)
        #expect(course.startDate.iso == "2026-10-05" && course.endDate.iso == "2026-10-06")
        #expect(course.costKZT == 120_000 && course.hours == 16 && course.language == .ru && course.delivery == .online)
        #expect(reading.plan.assignments.map(\.participantEmail) == ["a.b@kazguu.kz", "c.d@kazguu.kz"])
        #expect(reading.plan.assignments.map(\.row) == [4, 5])
    }

    @Test func kazakhHeaders() throws {
        let header = ["Курс коды", "Курстың атауы", "Құзырет тобы", "Санат", "Түрі", "Өтетін орны", "Мерзімі",
                      "Сағат саны", "Басталу күні", "Аяқталу күні", "Оқыту тілі", "Өткізу нысаны", "Құны, теңге",
                      "Электрондық пошта"]
        let reading = try PlanTableReader().read(Self.table(header, [
            [.text("K-1"), .text("Курс"), .text("Кәсіби даму"), .text("ПОҚ"), .text("language"), .text("шетелде"),
             .text("қысқа мерзімді"), .number(40), .text("2026-10-05"), .text("2026-10-09"), .text("қазақ"),
             .text("аралас"), .number(0), .text("x@kazguu.kz")],
        ]))
        #expect(reading.issues == [])
        let course = try #require(reading.plan.course(id: "K-1"))
        #expect(course.group == .professionalDevelopment && course.audience == .pps && course.location == .abroad)
        #expect(course.term == .short && course.language == .kk && course.delivery == .blended)
    }

    static let keys = PlanColumn.allCases.map(\.rawValue)
    static func row(id: String = "C-1", hours: CellValue = .number(8), start: CellValue = .text("2026-10-05"),
                    end: CellValue = .text("2026-10-06"), cost: CellValue = .number(0), group: String = "professional_values",
                    email: String = "a@kazguu.kz") -> [CellValue] {
        [.text(id), .text("T"), .text(group), .text("PPS"), .text("qualification"), .text("domestic"), .text("short"),
         hours, start, end, .text("kk"), .text("offline"), cost, .text(email)]
    }

    @Test(arguments: [
        // (a broken cell, the column reported, the kind)
        (row(hours: .text("eight")), "hours", RowIssue.Kind.invalidValue),
        (row(hours: .number(-8)), "hours", .invalidValue),
        (row(hours: .number(8.5)), "hours", .invalidValue),
        (row(hours: .empty), "hours", .missingValue),
        (row(start: .text("31.02.2026")), "start_date", .invalidValue),
        (row(end: .text("2026-10-01")), "end_date", .invalidValue),
        (row(cost: .text("1e30")), "cost_kzt", .invalidValue),
        (row(group: "happiness"), "competency_group", .invalidValue),
        (row(email: "not an address"), "participant_email", .invalidValue),
        (row(email: ""), "participant_email", .missingValue),
        (row(id: ""), "course_id", .missingValue),
    ])
    func brokenRowsAreReportedWithRowAndColumn(cells: [CellValue], column: String, kind: RowIssue.Kind) throws {
        let reading = try PlanTableReader().read(Self.table(Self.keys, [cells]))
        #expect(reading.issues.map(\.row) == [2])
        #expect(reading.issues.map(\.column) == [column])
        #expect(reading.issues.map(\.kind) == [kind])
    }

    @Test func courseFieldsThatDifferBetweenRowsAreReported() throws {
        let reading = try PlanTableReader().read(Self.table(Self.keys, [
            Self.row(), Self.row(hours: .number(12), email: "b@kazguu.kz"), Self.row(email: "c@kazguu.kz"),
        ]))
        #expect(reading.issues.map(\.kind) == [.inconsistentCourse])
        #expect(reading.issues.first?.row == 3 && reading.issues.first?.column == "hours")
        #expect(reading.plan.course(id: "C-1")?.hours == 8)
        #expect(reading.plan.assignments.count == 3)
    }

    @Test func blankRowsAndRepeatedHeadersAreSkipped() throws {
        let reading = try PlanTableReader().read(Self.table(Self.keys, [
            Self.row(), [], Self.keys.map { .text($0) }, Self.row(email: "b@kazguu.kz"),
        ]))
        #expect(reading.issues == [])
        #expect(reading.plan.assignments.count == 2)
    }

    @Test func aMissingColumnIsNamed() {
        let header = Self.keys.filter { $0 != "term" && $0 != "cost_kzt" }
        #expect(throws: RegulationError.headerNotFound(table: "Sheet1", missing: ["term", "cost_kzt"])) {
            try PlanTableReader().read(Self.table(header, []))
        }
    }

    @Test(arguments: [
        Table(name: "empty", rows: []),
        Table(name: "one", rows: [Row(number: 1, cells: [Cell(.text(String(repeating: "ä", count: 100_000)))])]),
        Table(name: "numbers", rows: [Row(number: 1, cells: (0..<300).map { Cell(.number(Double($0))) })]),
    ])
    func tablesWithoutAHeaderAreAnErrorNotACrash(_ table: Table) {
        #expect(throws: RegulationError.self) { try PlanTableReader().read(table) }
    }

    @Test func tooManyRowsIsALimitError() {
        var limits = TableReadingLimits()
        limits.maxRows = 2
        let table = Self.table(Self.keys, [Self.row(), Self.row(), Self.row()])
        #expect(throws: RegulationError.limitExceeded(what: "the number of rows in Sheet1", actual: 3, maximum: 2)) {
            try PlanTableReader(limits: limits).read(table)
        }
    }

    @Test func theHeaderIsFoundInASecondSheet() throws {
        let document = Document(format: .xlsx, tables: [
            Table(name: "Notes", rows: [Row(number: 1, cells: [Cell(.text("read me"))])]),
            Self.table(Self.keys, [Self.row()]),
        ])
        #expect(try PlanTableReader().read(document).plan.courses.count == 1)
    }
}
