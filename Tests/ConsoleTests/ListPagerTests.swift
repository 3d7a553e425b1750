import Foundation
@testable import Regulation
import Staff
import Store
import Testing
@testable import Console

/// Long lists come a page of `ListPager.rows` at a time (issue 17: a 10,000-row page took
/// seconds to make again); counts and downloads stay whole.
@Suite struct ListPagerTests {
    @Test func aPageNumberGivesItsRowsAndTheLinksBesideIt() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        let strings = fixture.app.templates.strings(.en)
        let href = { (number: Int) in "/list?page=\(number)" }
        let third = ListPager(requested: "3", total: 250, strings: strings, href: href)
        #expect(third.range == 200..<250 && third.count == 3 && third.isPaged)
        #expect(third.hasPrevious && third.previousHref == "/list?page=2" && !third.hasNext && third.nextHref.isEmpty)
        #expect(third.summary == "Rows 201–250 of 250")
        // A missing, unreadable or too great number shows the nearest page there is.
        #expect(ListPager(requested: nil, total: 250, strings: strings, href: href).range == 0..<100)
        #expect(ListPager(requested: "two", total: 250, strings: strings, href: href).number == 1)
        #expect(ListPager(requested: "-4", total: 250, strings: strings, href: href).number == 1)
        #expect(ListPager(requested: "99", total: 250, strings: strings, href: href).range == 200..<250)
        let empty = ListPager(requested: "2", total: 0, strings: strings, href: href)
        #expect(empty.range == 0..<0 && !empty.isPaged && !empty.hasNext && !empty.hasPrevious)
        let russian = ListPager(requested: "2", total: 1_234, strings: fixture.app.templates.strings(.ru), href: href)
        #expect(russian.summary.hasPrefix("Строки 101–200 из 1"))
        #expect(ListPager.query([("unit", "a b"), ("page", "2"), ("empty", "")]) == "?unit=a%20b&page=2")
    }

    @Test func theCompliancePageShowsAPageOfPeopleAndCountsEveryone() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        let roster = try fixture.store.roster.load()
        let since = CivilDate(text: "2021-05-28")!
        // People no longer on the roster: their unit is "", their name their address.
        let findings = (0..<250).map {
            ComplianceFinding(participantEmail: String(format: "gone%03d@kazguu.kz", $0), kind: .ppsHoursBelowMinimum,
                              since: since, hoursCounted: 1, hoursRequired: 72, section: "6.3.1")
        }
        let page = CompliancePage(findings: findings, roster: roster, visibleUnits: [""], unit: nil,
                                  asOf: since, strings: fixture.app.templates.strings(.kk), page: "2")
        #expect(page.people.map(\.email) == (100..<200).map { String(format: "gone%03d@kazguu.kz", $0) })
        #expect(page.units.map(\.hoursBelow) == [250] && page.hasPeople)
        #expect(page.pager.previousHref == "/compliance?page=1#behind" && page.pager.nextHref == "/compliance?page=3#behind")
        let html = fixture.app.templates.render("compliance", language: .kk, values: ["page": page])
        #expect(html.contains(#"<a href="/compliance?page=3#behind" rel="next">Келесі бет</a>"#))
        #expect(html.contains("250 жолдың 101–200 аралығы") && html.components(separatedBy: "gone1").count == 201)
    }

    @Test func renderedValuesAreDictionariesWithTheSameFields() throws {
        struct Row { var name: String; var note: String?; var count: Int }
        struct Page { var rows: [Row]; var when: Date; var flag: Bool }
        let when = Date(timeIntervalSince1970: 0)
        let tree = try #require(MustacheTree.of(["page": Page(rows: [Row(name: "a", note: nil, count: 2)], when: when, flag: true)])
                                as? [String: Any])
        let page = try #require(tree["page"] as? [String: Any])
        let rows = try #require(page["rows"] as? [[String: Any]])
        #expect(rows.first?["name"] as? String == "a" && rows.first?["count"] as? Int == 2 && rows.first?["note"] == nil)
        #expect(page["when"] as? Date == when && page["flag"] as? Bool == true)
    }
}
