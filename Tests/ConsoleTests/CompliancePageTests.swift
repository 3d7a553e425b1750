import Foundation
@testable import Regulation
import Staff
import Store
import Testing
@testable import Bot
@testable import Console

/// The §6.3 page: per unit with a chart, the people behind, a CSV download; a head sees their
/// unit only, and another unit's id is 404.
@Suite struct CompliancePageTests {
    static let law = "Құқық жоғары мектебі", econ = "Экономика мектебі"

    @Test func thePageCountsPerUnitAndTheModelKeepsToTheVisibleUnits() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        let roster = try fixture.store.roster.load()
        let since = CivilDate(text: "2021-05-28")!
        let findings = [
            ComplianceFinding(participantEmail: "staff.law@kazguu.kz", kind: .ppsHoursBelowMinimum, since: since,
                              hoursCounted: 12, hoursRequired: 72, section: "6.3.1"),
            ComplianceFinding(participantEmail: "head.law@kazguu.kz", kind: .leadershipWithoutManagementTraining, since: since,
                              hoursCounted: nil, hoursRequired: nil, section: "6.3.2"),
            ComplianceFinding(participantEmail: "head.econ@kazguu.kz", kind: .ppsHoursBelowMinimum, since: since,
                              hoursCounted: 0, hoursRequired: 72, section: "6.3.1"),
        ]
        let strings = fixture.app.templates.strings(.en)
        let all = CompliancePage(findings: findings, roster: roster, visibleUnits: roster.units, unit: nil,
                                 asOf: CivilDate(text: "2026-05-28")!, strings: strings)
        #expect(all.chart.bars.map(\.label) == [Self.law, Self.econ])
        #expect(all.chart.bars.map(\.value) == [2, 1])
        #expect(all.units.first { $0.unit == Self.law }.map { [$0.hoursBelow, $0.withoutManagement] } == [1, 1])
        #expect(all.people.count == 3 && all.csvHref == "/compliance.csv")
        let law = CompliancePage(findings: findings, roster: roster, visibleUnits: [Self.law], unit: nil,
                                 asOf: CivilDate(text: "2026-05-28")!, strings: strings)
        #expect(law.people.map(\.email).sorted() == ["head.law@kazguu.kz", "staff.law@kazguu.kz"])
        #expect(law.people.first { $0.email == "staff.law@kazguu.kz" }?.hours == "12 / 72")
        let withText = CompliancePage(findings: [ComplianceFinding(participantEmail: "staff.law@kazguu.kz", kind: .ppsHoursBelowMinimum,
                                                                   since: since, hoursCounted: 0, hoursRequired: 72,
                                                                   section: "§6.3.1: at least 72 hours in total every 5 years")],
                                      roster: roster, visibleUnits: roster.units, unit: nil, asOf: since, strings: strings)
        #expect(withText.people.map(\.section) == ["§6.3.1"])
    }

    @Test func dshrAndHeadsSeeTheirPartAndDownloadItAsCSV() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        // Nobody in the fixture has any training: every PPS member is under the hours, every leader without management.
        let findings = try CycleDesk(environment: fixture.environment).compliance(asOf: ConsoleCycleFacts(now: fixture.clock.now).today)
        #expect(!findings.isEmpty)
        let dshr = TestBrowser(app: fixture.app)
        dshr.signIn("dshr.console@kazguu.kz", mailer: fixture.mailer)
        let page = dshr.get("/compliance", query: ["lang": "ru"])
        #expect(page.status == 200)
        #expect(page.bodyText.contains("<svg role=\"img\""))
        #expect(page.bodyText.contains("Сейтқали Әлібек Қайратұлы") && page.bodyText.contains("Nurmagambetova Gulnar"))
        let csv = dshr.get("/compliance.csv")
        #expect(csv.status == 200 && csv.contentType == "text/csv; charset=utf-8")
        let disposition = try #require(csv.header("Content-Disposition").first)
        #expect(disposition.hasPrefix("attachment; filename=\"compliance_2026-05-2"))
        #expect(csv.bodyText.hasPrefix("\u{FEFF}" + ComplianceCSV.header.joined(separator: ",")))
        #expect(csv.bodyText.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == findings.count + 1)

        let head = TestBrowser(app: fixture.app, client: "10.0.0.11")
        head.signIn("head.law@kazguu.kz", mailer: fixture.mailer)
        let own = head.get("/compliance")
        #expect(own.status == 200)
        #expect(own.bodyText.contains("Омаров Дәурен") && !own.bodyText.contains("Nurmagambetova"))
        let ownCSV = head.get("/compliance.csv").bodyText
        #expect(ownCSV.contains("staff.law@kazguu.kz") && !ownCSV.contains("head.econ@kazguu.kz"))
        #expect(head.get("/compliance", query: ["unit": UnitID.of(Self.econ)]).status == 404)
        #expect(head.get("/compliance.csv", query: ["unit": UnitID.of(Self.econ)]).status == 404)
        let staff = TestBrowser(app: fixture.app, client: "10.0.0.12")
        staff.signIn("staff.law@kazguu.kz", mailer: fixture.mailer)
        #expect(staff.get("/compliance").status == 404)
    }
}
