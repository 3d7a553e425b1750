import Testing
import Documents
@testable import Applications

@Suite struct HeaderFinderTests {
    private func columns(_ rows: [[C]]) -> [ColumnMeaning: Int]? {
        HeaderFinder.find(in: makeTable(rows), limits: .init())?.columns
    }

    @Test func mapsTheStandardKazakhHeaderInOrder() throws {
        let found = try #require(columns([kazakhHeader, employee()]))
        #expect(found == Dictionary(uniqueKeysWithValues: ColumnMeaning.allCases.enumerated().map { ($1, $0) }))
    }

    @Test func findsTheHeaderBelowTitleRows() throws {
        let layout = try #require(HeaderFinder.find(in: makeTable([
            ["", "", "", "", "", "", "", "1-қосымша"],
            ["Өтінім", .copy("Өтінім"), .copy("Өтінім")],
            ["Құқық жоғары мектебі"],
            [],
            kazakhHeader,
            [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        ]), limits: .init()))
        #expect(layout.rowIndices == [4])
        #expect(layout.columns.count == 10)
    }

    @Test func mapsColumnsInAnyOrderAndIgnoresExtraColumns() throws {
        let found = try #require(columns([
            ["ЖСН / IIN", "E-mail", "Лауазымы", "Full name", "Hours of last course", "Примечание", "Date of last course",
             "Тел.", "Школа"],
        ]))
        #expect(found == [.email: 1, .fullName: 3, .lastCourseHours: 4, .lastCourseDate: 6, .phone: 7, .school: 8])
    }

    @Test func readsATwoRowHeaderWithASpanningCourseLabel() throws {
        let course = "Соңғы өткен біліктілікті арттыру курсы"
        let layout = try #require(HeaderFinder.find(in: makeTable([
            ["Өтінім — Халықаралық экономика мектебі"],
            ["№", "Мектеп", "Т.А.Ә.", "Лауазымы", "Кадрларды даярлау бағыты", "Білім беру бағдарламасы",
             .text(course), .copy(course), .copy(course), "Байланыс телефоны", "E-mail"],
            [.copy("№"), .copy("Мектеп"), .copy("Т.А.Ә."), .copy("Лауазымы"), .copy("Кадрларды даярлау бағыты"),
             .copy("Білім беру бағдарламасы"), "атауы", "өткен күні", "сағат саны", .copy("Байланыс телефоны"), .copy("E-mail")],
        ]), limits: .init()))
        #expect(layout.rowIndices == [1, 2])
        #expect(layout.columns == [.no: 0, .school: 1, .fullName: 2, .trainingDirection: 4, .programme: 5,
                                   .lastCourse: 6, .lastCourseDate: 7, .lastCourseHours: 8, .phone: 9, .email: 10])
    }

    /// The same header written by a program that leaves merged cells empty instead of copying them.
    @Test func readsATwoRowHeaderWhoseSpannedCellsAreEmpty() throws {
        let found = try #require(columns([
            ["№", "ФИО", "Соңғы курс (атауы, күні, сағаты)", "", "", "E-mail"],
            ["", "", "атауы", "күні", "сағаты", ""],
        ]))
        #expect(found == [.no: 0, .fullName: 1, .lastCourse: 2, .lastCourseDate: 3, .lastCourseHours: 4, .email: 5])
    }

    @Test func readsABilingualHeaderSplitOverTwoRows() throws {
        let found = try #require(columns([
            ["№", "Т.А.Ә.", "Мектеп", "Соңғы курс", "Курс күні", "Сағат саны", "Байланыс телефоны", "Эл. пошта"],
            ["No.", "Full name", "School", "Last course", "Date", "Hours", "Phone", "E-mail"],
            employee().prefix(8).map { $0 },
        ]))
        #expect(found[.fullName] == 1 && found[.email] == 7 && found[.lastCourseHours] == 5)
    }

    @Test func takesAnUnlabelledFirstColumnOfNumbersAsTheNumberColumn() throws {
        let found = try #require(columns([["", "ФИО", "E-mail"], [1, "Иванов", "i@kazguu.kz"], [2, "Петров", "p@kazguu.kz"]]))
        #expect(found == [.no: 0, .fullName: 1, .email: 2])
        let notNumbers = try #require(columns([["", "ФИО", "E-mail"], ["ДИТ", "Иванов", "i@kazguu.kz"]]))
        #expect(notNumbers[.no] == nil)
    }

    @Test func aQualificationColumnDoesNotTakeTheCourse() throws {
        let found = try #require(columns([["ФИО", "Квалификация", "Последний курс", "E-mail"]]))
        #expect(found[.lastCourse] == 2)
    }

    @Test func theLastCourseWinsOverAPlannedOne() throws {
        let found = try #require(columns([["ФИО", "Жоспарланған курс атауы", "Курс басталатын күні",
                                           "Соңғы курс", "Соңғы курс күні", "E-mail"]]))
        #expect(found[.lastCourse] == 3 && found[.lastCourseDate] == 4)
    }

    @Test func needsANameAndAnEmailColumn() {
        #expect(columns([["№", "Курс атауы", "Ұйымдастырушы", "Басталу күні", "Сағат саны", "Форматы"]]) == nil)
        #expect(columns([["№", "ФИО", "Телефон"]]) == nil)
        #expect(columns([["№", "Школа", "E-mail"]]) == nil)
        #expect(columns([]) == nil)
    }

    @Test func searchesOnlyTheConfiguredNumberOfRows() {
        var limits = ApplicationLimits()
        limits.headerSearchRows = 3
        let rows: [[C]] = [["a"], ["b"], ["c"], ["d"], kazakhHeader]
        #expect(HeaderFinder.find(in: makeTable(rows), limits: limits) == nil)
        #expect(HeaderFinder.find(in: makeTable(rows), limits: .init()) != nil)
    }
}
