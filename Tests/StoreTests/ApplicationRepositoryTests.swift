import CSV
import Foundation
import Testing
@testable import Store

@Suite struct ApplicationRepositoryTests {
    static let unit = "Құқық жоғары мектебі"

    static func row(_ email: String, name: String, hours: Int? = 72, message: String = "m1@x", no: Int = 1) -> StoredApplicationRow {
        StoredApplicationRow(
            no: no, school: unit, fullName: name, trainingDirection: "6B04201 Құқықтану", programme: nil,
            lastCourse: "Legal Writing", lastCourseDate: "2024-03-15", lastCourseHours: hours, phone: "+77011234567",
            email: email, unit: unit, submittedBy: "a.seitkali@kazguu.kz", messageID: message,
            receivedAt: Date(timeIntervalSince1970: 1_778_580_000), sourceFile: "a.xlsx", cycle: "2026-2027", late: false
        )
    }

    @Test func resendReplacesTheUnitsRowsAndHandsBackTheReplacedOnes() throws {
        let dir = try TemporaryDirectory()
        let repo = try dir.store().applications
        let firstRows = [
            Self.row("a@kazguu.kz", name: "Әли"), Self.row("b@kazguu.kz", name: "Бек"), Self.row("c@kazguu.kz", name: "Сәуле"),
        ]
        #expect(try repo.replace(unit: Self.unit, cycle: "2026-2027", rows: firstRows) == nil)

        // The resend: b dropped, c's hours corrected, d new (what changed is Intake's RowChanges).
        let replaced = try repo.replace(unit: Self.unit, cycle: "2026-2027", rows: [
            Self.row("A@kazguu.kz", name: "Әли", message: "m2@x"), Self.row("c@kazguu.kz", name: "Сәуле", hours: 36, message: "m2@x"),
            Self.row("d@kazguu.kz", name: "Дана", message: "m2@x"),
        ])
        #expect(replaced == firstRows)
        #expect(try repo.rows(unit: Self.unit, cycle: "2026-2027").map(\.email) == ["a@kazguu.kz", "c@kazguu.kz", "d@kazguu.kz"])
    }

    @Test func changedFieldsNameWhatTheHeadWroteNotWhereItCameFrom() {
        let before = Self.row("c@kazguu.kz", name: "Сәуле")
        #expect(Self.row("c@kazguu.kz", name: "Сәуле", message: "m2@x").changedFields(from: before).isEmpty)
        #expect(Self.row("c@kazguu.kz", name: "Сәуле", hours: 36).changedFields(from: before) == ["last_course_hours"])
    }

    @Test func allCollectsEveryUnitOfTheCycleOnly() throws {
        let dir = try TemporaryDirectory()
        let repo = try dir.store().applications
        try repo.replace(unit: Self.unit, cycle: "2026-2027", rows: [Self.row("a@kazguu.kz", name: "A")])
        var other = Self.row("z@kazguu.kz", name: "Z")
        other.unit = "Кітапхана"
        try repo.replace(unit: "Кітапхана", cycle: "2026-2027", rows: [other])
        var next = Self.row("n@kazguu.kz", name: "N")
        next.cycle = "2027-2028"
        try repo.replace(unit: Self.unit, cycle: "2027-2028", rows: [next])
        #expect(try repo.all(cycle: "2026-2027").map(\.email) == ["z@kazguu.kz", "a@kazguu.kz"])
        #expect(try repo.cycles() == ["2026-2027", "2027-2028"])
        #expect(try repo.all(cycle: "2030-2031").isEmpty)
    }

    @Test func exportIsExcelReadyCSV() throws {
        let dir = try TemporaryDirectory()
        let repo = try dir.store().applications
        var hostile = Self.row("a@kazguu.kz", name: "=HYPERLINK(\"http://x\",\"click\")")
        hostile.programme = "Law, \"International\""
        try repo.replace(unit: Self.unit, cycle: "2026-2027", rows: [hostile])
        let data = try repo.exportCSV(cycle: "2026-2027")
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == StoredApplicationRow.keys.joined(separator: ","))
        #expect(lines[1].contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\""))
        #expect(lines[1].contains("\"Law, \"\"International\"\"\""))
        #expect(lines[1].contains(",+77011234567,"))
        let parsed = CSVParser().records(in: text)
        #expect(parsed.ending == .complete)
        #expect(parsed.records[1].fields.count == StoredApplicationRow.keys.count)
    }

    @Test(arguments: ["../x", "2026", "2026-2027/..", "", "abcd-efgh"])
    func cycleMustBeAnAcademicYear(cycle: String) throws {
        let dir = try TemporaryDirectory()
        let repo = try dir.store().applications
        #expect(throws: StoreError.self) { try repo.replace(unit: Self.unit, cycle: cycle, rows: []) }
    }

    @Test func rowsOfAnotherUnitOrCycleAreRefused() throws {
        let dir = try TemporaryDirectory()
        let repo = try dir.store().applications
        var other = Self.row("a@kazguu.kz", name: "A")
        other.cycle = "2027-2028"
        let error = try #require(throws: StoreError.self) { try repo.replace(unit: Self.unit, cycle: "2026-2027", rows: [other]) }
        #expect(error.description.contains("a@kazguu.kz"))
        #expect(try repo.all(cycle: "2026-2027").isEmpty)
    }

    @Test func unitFileNamesAreSafeAndDistinct() {
        let names = [Self.unit, "Құқық жоғары мектебі!", "../../etc/passwd", String(repeating: "Ұ", count: 300)].map(ApplicationRepository.fileName)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { !$0.contains("/") && $0.utf8.count <= 255 && !$0.hasPrefix(".") })
        #expect(names[0].hasPrefix("құқық-жоғары-мектебі-"))
    }

    @Test func recordsKeepEveryKeyIncludingNulls() throws {
        let data = try StoreJSON.encoder.encode(Self.row("a@kazguu.kz", name: "A"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == Set(StoredApplicationRow.keys))
        #expect(object["programme"] is NSNull)
    }
}
