import Documents
import Foundation
import Testing
@testable import Bot
@testable import Console

/// `/compliance.xlsx`: the CSV's people as a workbook libxlsxwriter wrote, column titles and
/// requirements in the reader's language, hours as numbers; a head gets their unit only.
@Suite struct ComplianceWorkbookTests {
    @Test func theWorkbookSpeaksTheReadersLanguageAndKeepsToTheirUnit() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        let dshr = TestBrowser(app: fixture.app)
        dshr.signIn("dshr.console@kazguu.kz", mailer: fixture.mailer)
        #expect(dshr.get("/compliance", query: ["lang": "ru"]).bodyText.contains("href=\"/compliance.xlsx\""))
        let russian = dshr.get("/compliance.xlsx")
        #expect(russian.status == 200)
        #expect(russian.contentType == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        #expect(try #require(russian.header("Content-Disposition").first).contains(".xlsx\""))
        let rows = try Self.rows(russian)
        #expect(rows.first?.first == "Электронная почта", "Russian titles: \(rows.first ?? [])")
        // Nobody in the fixture has any training: every teacher and every leader is behind.
        #expect(Set(rows.dropFirst().map { $0.first ?? "" }).isSuperset(of: ["head.law@kazguu.kz", "head.econ@kazguu.kz"]))

        let head = TestBrowser(app: fixture.app, client: "10.0.0.41")
        head.signIn("head.econ@kazguu.kz", mailer: fixture.mailer)
        let english = try Self.rows(head.get("/compliance.xlsx", query: ["lang": "en"]))
        #expect(english.first?.first == "E-mail")
        #expect(english.dropFirst().allSatisfy { $0.first == "head.econ@kazguu.kz" }, "a head's unit only: \(english)")
        let staff = TestBrowser(app: fixture.app, client: "10.0.0.42")
        staff.signIn("staff.law@kazguu.kz", mailer: fixture.mailer)
        #expect(staff.get("/compliance.xlsx").status == 404)
    }

    /// The first sheet's cells as text, read back with the intake's own reader.
    static func rows(_ response: ConsoleResponse) throws -> [[String]] {
        let document = try DocumentReader.read(bytes: [UInt8](response.body), fileName: "compliance.xlsx")
        return (document.tables.first?.rows ?? []).map { row in
            row.cells.map { cell in
                switch cell.value {
                case .text(let text): return text
                case .empty: return ""
                default: return "\(cell.value)"
                }
            }
        }
    }
}
