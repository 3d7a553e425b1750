import Testing
import Documents
@testable import Applications

@Suite struct ValidationTests {
    private func read(_ rows: [[C]], receivedOn: CalendarDay = receipt) -> ApplicationReading {
        ApplicationReader.read(tables: [makeTable([kazakhHeader] + rows)], receivedOn: receivedOn)
    }

    @Test func normalisesAValidRow() {
        let reading = read([employee(3, school: " Құқық жоғары\nмектебі ", name: "Бейсенов  Асқар\u{00A0}Нұрланұлы",
                                     direction: "", date: .date(2024, 3, 15), hours: "72 сағ",
                                     phone: 87717588390, email: " A.Beisenov@KazGUU.kz ")])
        #expect(reading.invalidRows.isEmpty)
        #expect(reading.rows == [ApplicationRow(
            no: 3, school: "Құқық жоғары мектебі", fullName: "Бейсенов Асқар Нұрланұлы", trainingDirection: nil,
            programme: "6B04201 Құқықтану", lastCourse: "Legal Writing", lastCourseDate: "2024-03-15",
            lastCourseHours: 72, phone: "+77717588390", email: "a.beisenov@kazguu.kz")])
    }

    @Test func emptyOptionalCellsAreNull() {
        let reading = read([employee(date: "", hours: "", phone: "")])
        let row = reading.rows.first
        #expect(row?.lastCourseDate == nil && row?.lastCourseHours == nil && row?.phone == nil)
        #expect(reading.invalidRows.isEmpty)
    }

    static let problems: [(String, [C], [RowProblem])] = [
        ("missing name", employee(name: ""), [RowProblem(row: 2, field: .fullName, problem: .missing)]),
        ("missing e-mail", employee(email: ""), [RowProblem(row: 2, field: .email, problem: .missing)]),
        ("invalid e-mail", employee(email: "r.seitkali.kazguu.kz"), [RowProblem(row: 2, field: .email, problem: .invalid)]),
        ("impossible date", employee(date: "31.02.2025"), [RowProblem(row: 2, field: .lastCourseDate, problem: .invalid)]),
        ("year only", employee(date: "2023 ж."), [RowProblem(row: 2, field: .lastCourseDate, problem: .invalid)]),
        ("future date", employee(date: "12.03.2042"), [RowProblem(row: 2, field: .lastCourseDate, problem: .future)]),
        ("hours in words", employee(hours: "жетпіс екі"), [RowProblem(row: 2, field: .lastCourseHours, problem: .invalid)]),
        ("fractional hours", employee(hours: "36,5"), [RowProblem(row: 2, field: .lastCourseHours, problem: .invalid)]),
        ("zero hours", employee(hours: 0), [RowProblem(row: 2, field: .lastCourseHours, problem: .outOfRange)]),
        ("too many hours", employee(hours: 2500), [RowProblem(row: 2, field: .lastCourseHours, problem: .outOfRange)]),
        ("two problems, field order", employee(date: "2052-04-10", hours: "жетпіс екі сағат"), [
            RowProblem(row: 2, field: .lastCourseDate, problem: .future),
            RowProblem(row: 2, field: .lastCourseHours, problem: .invalid),
        ]),
        ("every problem", employee(name: "", date: "жоқ", hours: 0, email: "x"), [
            RowProblem(row: 2, field: .fullName, problem: .missing),
            RowProblem(row: 2, field: .lastCourseDate, problem: .invalid),
            RowProblem(row: 2, field: .lastCourseHours, problem: .outOfRange),
            RowProblem(row: 2, field: .email, problem: .invalid),
        ]),
    ]

    @Test(arguments: problems)
    func reportsEachProblem(_ label: String, _ row: [C], _ expected: [RowProblem]) {
        let reading = read([row])
        #expect(reading.invalidRows == expected, "\(label)")
        #expect(reading.rows.isEmpty, "\(label): an invalid row is not returned")
    }

    static let splitNameHeaders: [[C]] = [
        ["№", "Тегі", "Аты", "Әкесінің аты", "E-mail"],
        ["№", "Фамилия", "Имя", "Отчество", "Эл. почта"],
        ["No.", "Last name", "First name", "Middle name", "Email"],
    ]

    @Test(arguments: splitNameHeaders)
    func joinsANameSplitOverColumns(_ header: [C]) {
        let table = makeTable([header, [1, "Қасымов", "Айдос", "Маратұлы", "a.kasymov@kazguu.kz"],
                               [2, "Brown", "Daniel", "", "d.brown@kazguu.kz"], [3, "", "", "", "x@kazguu.kz"]])
        let reading = ApplicationReader.read(tables: [table], receivedOn: receipt)
        #expect(reading.rows.map(\.fullName) == ["Қасымов Айдос Маратұлы", "Brown Daniel"])
        #expect(reading.invalidRows == [RowProblem(row: 4, field: .fullName, problem: .missing)])
    }

    @Test func theDateOfReceiptItselfIsNotFuture() {
        #expect(read([employee(date: "20.05.2026")]).invalidRows.isEmpty)
        #expect(read([employee(date: "21.05.2026")]).invalidRows.map(\.problem) == [.future])
    }

    @Test func aDuplicateAddressKeepsTheEarlierRowValid() {
        let reading = read([
            employee(1, email: "o.shakenov@kazguu.kz"),
            employee(2, email: "b@kazguu.kz"),
            employee(3, email: "O.Shakenov@kazguu.kz"),
        ])
        #expect(reading.rows.map(\.no) == [1, 2])
        #expect(reading.invalidRows == [RowProblem(row: 4, field: .email, problem: .duplicate)])
    }

    /// A long sheet is read a block at a time, on one thread or two; duplicates across halves
    /// and blocks, invalid rows and row order come out exactly as for a short one.
    @Test(arguments: [0, ApplicationLimits().parallelRowsMinimum])
    func aLongSheetReadsLikeAShortOne(parallelRowsMinimum: Int) {
        var limits = ApplicationLimits()
        limits.parallelRowsMinimum = parallelRowsMinimum
        let count = 1_300
        let duplicateOf = [700: 10, 1_200: 699, 1_290: 1_289]  // later row number → earlier one
        var rows: [[C]] = []
        for number in 1...count {
            let address = duplicateOf[number].map { "p\($0)@kazguu.kz" } ?? "p\(number)@kazguu.kz"
            rows.append(employee(.number(Double(number)), hours: number % 97 == 0 ? 0 : 72, email: .text(address)))
        }
        let reading = ApplicationReader.read(tables: [makeTable([kazakhHeader] + rows)], receivedOn: receipt, limits: limits)
        let outOfRange = (1...count).filter { $0 % 97 == 0 }
        var expected: [RowProblem] = []
        for number in 1...count {
            // Table row = employee number + 1 (the header is row 1).
            if outOfRange.contains(number) { expected.append(RowProblem(row: number + 1, field: .lastCourseHours, problem: .outOfRange)) }
            if duplicateOf[number] != nil { expected.append(RowProblem(row: number + 1, field: .email, problem: .duplicate)) }
        }
        #expect(reading.invalidRows == expected)
        #expect(reading.rows.map(\.no) == (1...count).filter { !outOfRange.contains($0) && duplicateOf[$0] == nil })
    }

    @Test func anInvalidEarlierRowDoesNotMakeALaterOneADuplicate() {
        let reading = read([
            employee(1, name: "", email: "same@kazguu.kz"),
            employee(2, email: "same@kazguu.kz"),
        ])
        #expect(reading.rows.map(\.no) == [2])
        #expect(reading.invalidRows == [RowProblem(row: 2, field: .fullName, problem: .missing)])
    }

    @Test func validRowsOfAFileWithProblemsAreStillReturned() {
        let reading = read([employee(1), employee(2, email: "bad"), employee(3, email: "c@kazguu.kz")])
        #expect(reading.rows.map(\.no) == [1, 3])
        #expect(reading.invalidRows.map(\.row) == [3])
    }

    @Test func rowNumbersAreTheFilesOwn() {
        let table = makeTable([kazakhHeader, employee(email: "")], firstRow: 5)
        let reading = ApplicationReader.read(tables: [table], receivedOn: receipt)
        #expect(reading.invalidRows.map(\.row) == [6])
    }

    @Test func theHoursRangeIsConfiguration() {
        var limits = ApplicationLimits()
        limits.hoursRange = 1...100
        let reading = ApplicationReader.read(tables: [makeTable([kazakhHeader, employee(hours: 144)])],
                                             receivedOn: receipt, limits: limits)
        #expect(reading.invalidRows.map(\.problem) == [.outOfRange])
    }

    @Test func survivesRaggedAndHostileRows() {
        let reading = read([
            [1],
            ["", "", "Иванов", "", "", "", "", .number(.nan), .number(.infinity), "i@kazguu.kz", "extra", "cells"],
            [.number(-1e308), "", "Петров", "", "", "", .number(1e308), 1e20, 1e20, "p@kazguu.kz"],
            Array(repeating: "@", count: 300),
        ])
        #expect(reading.readable)
        #expect(reading.invalidRows.contains(RowProblem(row: 3, field: .lastCourseHours, problem: .invalid)))
        #expect(reading.invalidRows.contains(RowProblem(row: 4, field: .lastCourseDate, problem: .invalid)))
    }
}
