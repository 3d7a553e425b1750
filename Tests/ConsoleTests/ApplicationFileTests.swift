import Foundation
import Store
import Testing
@testable import Console

/// The unit page's original files: the head's attachment as sent, under a safe name, only to
/// those who may see the unit.
@Suite struct ApplicationFileTests {
    static let law = "Құқық жоғары мектебі", econ = "Экономика мектебі"

    @Test func theOriginalFileDownloadsAsSentAndOnlyForTheUnit() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        let table = "no,full_name,email\r\n1,Омаров Дәурен,staff.law@kazguu.kz\r\n"
        let raw = DSHRCommandMail.raw(tag: "Өтінім", from: "head.law@kazguu.kz", id: "law-application@kazguu.kz",
                                      body: "Өтінім қоса берілді.", fileName: "otinim 2026.csv", csv: table)
        _ = try fixture.store.archive.store(raw: Data(raw), messageID: "<law-application@kazguu.kz>", receivedAt: fixture.clock.now)
        try fixture.apply(unit: Self.law, names: [("Омаров Дәурен", "staff.law@kazguu.kz")], file: "otinim 2026.csv",
                          messageID: "<law-application@kazguu.kz>")
        try fixture.apply(unit: Self.econ, names: [("Ivanov Ivan", "i.ivanov@kazguu.kz")], file: "econ.csv")

        let head = TestBrowser(app: fixture.app)
        head.signIn("head.law@kazguu.kz", mailer: fixture.mailer)
        let href = "/units/\(UnitID.of(Self.law))/files/1"
        #expect(head.get("/units/" + UnitID.of(Self.law)).bodyText.contains("<a href=\"\(href)\" download>otinim 2026.csv</a>"))
        let file = head.get(href)
        #expect(file.status == 200 && file.contentType == "application/octet-stream")
        #expect(file.bodyText == table)
        #expect(file.header("Content-Disposition") == ["attachment; filename=\"otinim_2026.csv\"; filename*=UTF-8''otinim%202026.csv"])
        #expect(head.get("/units/\(UnitID.of(Self.law))/files/2").status == 404)
        #expect(head.get("/units/\(UnitID.of(Self.law))/files/x").status == 404)
        // Another unit's file is not found, and one whose message is not archived neither.
        #expect(head.get("/units/\(UnitID.of(Self.econ))/files/1").status == 404)
        let dshr = TestBrowser(app: fixture.app, client: "10.0.0.21")
        dshr.signIn("dshr.console@kazguu.kz", mailer: fixture.mailer)
        #expect(dshr.get(href).status == 200)
        #expect(dshr.get("/units/\(UnitID.of(Self.econ))/files/1").status == 404)
    }
}
