import Foundation
import Testing
@testable import Store

/// The direct writer of application files must produce exactly the generic encoder's bytes,
/// whatever the rows hold.
@Suite struct UnitApplicationJSONTests {
    static func row(_ text: String?, email: String = "a.b@kazguu.kz", no: Int? = 1,
                    receivedAt: Date = Date(timeIntervalSince1970: 1_778_558_401)) -> StoredApplicationRow {
        StoredApplicationRow(
            no: no, school: text, fullName: text, trainingDirection: "6B04201 Құқықтану", programme: nil,
            lastCourse: text, lastCourseDate: "2024-03-05", lastCourseHours: no.map { $0 * 36 }, phone: nil,
            email: email, unit: "Құқық жоғары мектебі", submittedBy: "Head@Kazguu.kz", messageID: "<m/1@kazguu.kz>",
            receivedAt: receivedAt, sourceFile: text, cycle: "2026-2027", late: no == nil)
    }

    static let cases: [(String, [StoredApplicationRow])] = [
        ("plain Kazakh", [row("Сәрсенбаева Ақмарал Ұзаққызы"), row("Иванова", no: nil)]),
        ("nulls", [row(nil, no: nil)]),
        ("quotes, backslashes, slashes", [row(#"Курс "Арбитраж" \ теория / практика"#)]),
        ("emoji and combining marks", [row("👩‍🏫 Ио\u{0306}сиф é")]),
        ("fractional seconds", [row("x", receivedAt: Date(timeIntervalSince1970: 1_778_558_401.734))]),
        ("control characters (generic path)", [row("a\tb\u{1}c\nd")]),
        ("no rows (generic path)", []),
    ]

    @Test(arguments: cases)
    func writesWhatTheGenericEncoderWrites(_ name: String, _ rows: [StoredApplicationRow]) throws {
        let application = UnitApplication(unit: "Құқық \"жоғары\" мектебі", cycle: "2026-2027",
                                          updatedAt: Date(timeIntervalSince1970: 1_778_558_999.5), rows: rows)
        let direct = try application.storeJSON()
        let generic = try StoreJSON.encoder.encode(application)
        #expect(String(decoding: direct, as: UTF8.self) == String(decoding: generic, as: UTF8.self), "\(name)")
        #expect(try StoreJSON.decoder.decode(UnitApplication.self, from: direct).rows.map(\.email) == rows.map(\.email))
    }

    @Test func aFileChangedByAnotherHandIsDecodedAgain() throws {
        let temporary = try TemporaryDirectory()
        let directory = temporary.url
        do {
            let repository = ApplicationRepository(directory: directory)
            try repository.replace(unit: "U", cycle: "2026-2027", rows: [Self.row("A", email: "a@kazguu.kz").with(unit: "U")])
            let url = directory.appendingPathComponent("2026-2027").appendingPathComponent(ApplicationRepository.fileName(unit: "U"))
            var text = try String(contentsOf: url, encoding: .utf8)
            text = text.replacingOccurrences(of: "a@kazguu.kz", with: "changed@kazguu.kz")
            try Data(text.utf8).write(to: url)
            #expect(try repository.rows(unit: "U", cycle: "2026-2027").map(\.email) == ["changed@kazguu.kz"])
        }
    }
}

private extension StoredApplicationRow {
    func with(unit: String) -> StoredApplicationRow {
        var copy = self
        copy.unit = unit
        return copy
    }
}
