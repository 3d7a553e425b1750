import Bot
import Foundation
import Staff
import Store
import Testing
@testable import Console

/// The page models (values in, values out) and the pages each role may open.
@Suite struct PageTests {
    static let law = "Құқық жоғары мектебі", econ = "Экономика мектебі"

    @Test func theOverviewCountsUnitsAsAppliedLateOrMissingAndTakesTheStatusFigures() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        try fixture.apply(unit: Self.law, names: [("Омаров Дәурен", "staff.law@kazguu.kz"), ("Бекова Айгүл", "a.bekova@kazguu.kz")])
        try fixture.apply(unit: Self.econ, names: [("Ivanov Ivan", "i.ivanov@kazguu.kz")], late: true)
        let facts = ConsoleCycleFacts(now: fixture.clock.now)
        let status = StatusReport(outcomes: ["processed": 7, "rejected": 2], outbox: ["queued": 1, "sent": 9], store: "/s")
        let strings = fixture.app.templates.strings(.en)
        let page = OverviewPage(facts: facts, roster: try fixture.store.roster.load(),
                                rows: try fixture.store.applications.all(cycle: facts.cycle), status: status, plan: nil,
                                workingDaysLeft: [:], strings: strings)
        // Three units in the roster (DSHR's own too): one on time, one late, one not yet.
        #expect(page.unitsTotal == 3)
        #expect(page.unitsApplied == 1 && page.unitsLate == 1 && page.unitsMissing == 1)
        #expect(page.rowsAccepted == 3)
        #expect(page.messages.map(\.value) == [7, 2, 0, 0])
        #expect(page.outbox.map(\.value) == [1, 9, 0])
        #expect(page.chart.bars.map(\.value) == [1, 1, 1])
        #expect(page.chart.summary.contains("applied late 1"))
        #expect(!page.hasPlan)
        #expect(page.units.first { $0.name == Self.econ }?.state == "late")
    }

    @Test func theChartScalesItsBarsToTheLargestValue() {
        let chart = BarChart(title: "t", entries: [("a", 10, "10", "bar-ok"), ("b", 5, "5", "bar-late"), ("c", 0, "0", "bar-missing")])
        #expect(chart.bars.map(\.width) == [260, 130, 0])
        #expect(chart.bars.map(\.y) == [0, 32, 64])
        #expect(chart.height == 96)
    }

    @Test func theOverviewPageRendersInEveryLanguageWithNoMissingWord() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        try fixture.apply(unit: Self.law, names: [("Омаров Дәурен", "staff.law@kazguu.kz")])
        let browser = TestBrowser(app: fixture.app)
        browser.signIn("dshr.console@kazguu.kz", mailer: fixture.mailer)
        for language in ["kk", "ru", "en"] {
            let page = browser.get("/", query: ["lang": language])
            #expect(page.status == 200)
            #expect(page.bodyText.contains("<html lang=\"\(language)\">"))
            #expect(page.bodyText.contains("data-figure=\"rows-accepted\">1<"))
            // A key without a text would show as itself (overview_…, unit_state_…).
            #expect(page.bodyText.range(of: #">[a-z]+_[a-z_]+<"#, options: .regularExpression) == nil)
        }
    }

    @Test func everyLanguageHasEveryKey() throws {
        let directory = repositoryRoot.appendingPathComponent("templates/console")
        let keys = try RosterPerson.Language.allCases.map { Set(try ConsoleStrings.load(directory: directory, language: $0).texts.keys) }
        #expect(keys[0] == keys[1] && keys[1] == keys[2])
        let kazakh = try ConsoleStrings.load(directory: directory, language: .kk)
        #expect(kazakh["unit_state_missing"] == "әлі бермеді")
    }

    @Test func aHeadSeesTheirUnitAndGetsNotFoundForAnother() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        try fixture.apply(unit: Self.law, names: [("Омаров Дәурен", "staff.law@kazguu.kz")])
        try fixture.apply(unit: Self.econ, names: [("Ivanov Ivan", "i.ivanov@kazguu.kz")])
        let head = TestBrowser(app: fixture.app)
        head.signIn("head.law@kazguu.kz", mailer: fixture.mailer)
        let own = head.get("/units/" + UnitID.of(Self.law))
        #expect(own.status == 200)
        #expect(own.bodyText.contains("Омаров Дәурен"))
        let other = head.get("/units/" + UnitID.of(Self.econ))
        #expect(other.status == 404)
        #expect(!other.bodyText.contains("Ivanov"))
        #expect(!other.bodyText.contains(Self.econ))
        #expect(head.get("/units/0000000000000000").status == 404)
        // The overview is DSHR's.
        #expect(head.get("/", query: [:]).status == 303)
        let staff = TestBrowser(app: fixture.app, client: "10.0.0.5")
        staff.signIn("staff.law@kazguu.kz", mailer: fixture.mailer)
        #expect(staff.get("/units/" + UnitID.of(Self.law)).status == 404)
        #expect(staff.get("/me").bodyText.contains("Бағдарлама 1"))
    }

    @Test func markupInAFileNameOrANameIsShownAsText() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        try fixture.apply(unit: Self.law, names: [("<script>alert(1)</script>", "staff.law@kazguu.kz")],
                          file: "\"><img src=x onerror=alert(2)>.xlsx")
        let dshr = TestBrowser(app: fixture.app)
        dshr.signIn("dshr.console@kazguu.kz", mailer: fixture.mailer)
        let page = dshr.get("/units/" + UnitID.of(Self.law))
        #expect(page.status == 200)
        #expect(!page.bodyText.contains("<script>alert"))
        #expect(!page.bodyText.contains("<img src=x"))
        #expect(page.bodyText.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.bodyText.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;.xlsx"))
    }

    @Test func everyAnswerCarriesTheSecurityHeaders() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        for path in ["/sign-in", "/", "/console.css", "/healthz", "/nowhere"] {
            let response = fixture.app.handle(ConsoleRequest(method: "GET", path: path))
            let policy = try #require(response.header("Content-Security-Policy").first)
            #expect(policy.contains("frame-ancestors 'none'") && !policy.contains("unsafe-inline"))
            #expect(response.header("X-Content-Type-Options") == ["nosniff"])
            #expect(response.header("Referrer-Policy") == ["no-referrer"])
        }
    }

    @Test func healthAndMetricsShowWhatStatusShows() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        try fixture.store.journal.append(.init(at: fixture.clock.now, event: .routed, outcome: "processed"))
        let health = fixture.app.handle(ConsoleRequest(method: "GET", path: "/healthz"))
        #expect(health.status == 200 && health.contentType == "application/json")
        let json = try #require(try JSONSerialization.jsonObject(with: health.body) as? [String: Any])
        #expect(json["outboxDepth"] as? Int == 0)
        #expect(json["status"] as? String == "ok")
        let metrics = fixture.app.handle(ConsoleRequest(method: "GET", path: "/metrics")).bodyText
        #expect(metrics.range(of: #"cpdbot_messages\{outcome="processed"\} 1(\.0)?\n"#, options: .regularExpression) != nil)
        #expect(metrics.contains("cpdbot_last_poll_age_seconds"))
    }
}

/// DSHR's Plan page: without a Plan it says so; its buttons need the session's CSRF token.
@Suite struct PlanPageTests {
    @Test func withoutAPlanThePageSaysSoAndAnnouncingNeedsTheTokenAndAPlan() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        let dshr = TestBrowser(app: fixture.app)
        dshr.signIn("dshr.console@kazguu.kz", mailer: fixture.mailer)
        let page = dshr.get("/plan", query: ["lang": "en"])
        #expect(page.status == 200)
        #expect(page.bodyText.contains("No Plan of courses has been received for this cycle."))
        #expect(dshr.post("/plan/2026-2027/announce", form: ["csrf": "forged", "confirm": "yes"]).status == 403)
        let csrf = TestBrowser.csrf(in: page) ?? ""
        #expect(dshr.post("/plan/2026-2027/announce", form: ["csrf": csrf]).status == 403)
        #expect(dshr.post("/plan/2026-2027/announce", form: ["csrf": csrf, "confirm": "yes"]).status == 404)
        // A head has no Plan page.
        let head = TestBrowser(app: fixture.app, client: "10.0.0.7")
        head.signIn("head.law@kazguu.kz", mailer: fixture.mailer)
        #expect(head.get("/plan").status == 404)
    }
}
