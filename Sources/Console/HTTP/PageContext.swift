import Bot
import Config
import Foundation
import Staff
import Store

/// One signed-in request: the viewer, their language, and the pages they may open. A head who
/// asks for another unit, or anyone for a page beyond their role, gets 404: the answer does not
/// even say that the unit exists.
struct PageContext {
    let app: ConsoleApp
    let session: SessionBook.Session
    let language: RosterPerson.Language
    let path: String

    var viewer: ConsoleViewer { session.viewer }
    var strings: ConsoleStrings { app.templates.strings(language) }
    var store: FileStore { app.store }
    /// Today and the cycle on the university's clock (`bot.time_zone`), for this request.
    var cycleFacts: ConsoleCycleFacts { ConsoleCycleFacts(now: app.environment.now(), timeZone: app.environment.timeZone) }

    func csrfMatches(_ request: ConsoleRequest) -> Bool {
        guard let sent = request.form["csrf"] else { return false }
        return ConsoleSecrets.same(sent, session.csrf)
    }

    static func languageLinks(path: String, current: RosterPerson.Language) -> [[String: Any]] {
        RosterPerson.Language.allCases.map {
            ["code": $0.rawValue, "label": $0.rawValue.uppercased(), "href": path + "?lang=" + $0.rawValue,
             "current": $0 == current]
        }
    }

    func render(_ name: String, values: [String: Any], status: Int = 200) -> ConsoleResponse {
        var values = values
        values["signed_in"] = true
        values["csrf"] = session.csrf
        values["viewer"] = ["name": viewer.fullName, "email": viewer.email, "role": strings["role_\(viewer.role.rawValue)"]]
        values["is_dshr"] = viewer.role == .dshr
        values["is_head"] = viewer.role == .head
        values["is_staff"] = viewer.role == .staff
        values["own_unit_id"] = viewer.unit.map(UnitID.of) ?? ""
        values["languages"] = Self.languageLinks(path: path, current: language)
        values["path"] = path
        return .html(app.templates.render(name, language: language, values: values), status: status)
    }

    func notFound() -> ConsoleResponse {
        render("message", values: ["message_key": "not_found"], status: 404)
    }

    // MARK: Pages

    func overview() throws -> ConsoleResponse {
        guard viewer.role == .dshr else { return notFound() }
        let environment = app.environment
        let facts = cycleFacts
        let status = try StatusReport.read(store: store, mailbox: environment.configuration.imap.mailbox)
        var plan: PlanStatus?
        var daysLeft: [String: Int] = [:]
        var planProblem: String?
        do {
            let desk = try CycleDesk(environment: environment)
            plan = try desk.statusIfAny(cycle: facts.cycle)
            for entry in plan?.plans ?? [] {
                daysLeft[entry.plan.slot] = try desk.workingDaysLeft(from: facts.today, to: entry.plan.deadline)
            }
        } catch {
            // The rest of the overview is still worth showing; the Plan's box says why it is empty.
            planProblem = "\(error)"
        }
        let page = OverviewPage(facts: facts, roster: try store.roster.load(),
                                rows: try store.applications.all(cycle: facts.cycle), status: status, plan: plan,
                                workingDaysLeft: daysLeft, strings: strings)
        return render("overview", values: ["page": page, "plan_problem": planProblem ?? "",
                                           "has_plan_problem": planProblem != nil, "nav_overview": true])
    }

    /// The units this viewer may open.
    func visibleUnits() throws -> [String] {
        switch viewer.role {
        case .dshr:
            // Units that applied but are no longer in the roster stay reachable from the overview.
            let cycle = cycleFacts.cycle
            let applied = Set(try store.applications.all(cycle: cycle).map(\.unit))
            return Set(try store.roster.load().units).union(applied).sorted()
        case .head: return viewer.unit.map { [$0] } ?? []
        case .staff: return []
        }
    }

    func units() throws -> ConsoleResponse {
        guard viewer.role != .staff else { return notFound() }
        let cycle = cycleFacts.cycle
        let page = UnitListPage(units: try visibleUnits(), rows: try store.applications.all(cycle: cycle))
        return render("units", values: ["page": page, "cycle": cycle, "nav_units": true])
    }

    func unit(id: String) throws -> ConsoleResponse {
        // Only the units this viewer may see are looked up: another unit is simply not found.
        guard let unit = try visibleUnits().first(where: { UnitID.of($0) == id }) else { return notFound() }
        let cycle = cycleFacts.cycle
        let page = UnitPage(unit: unit, cycle: cycle, rows: try store.applications.rows(unit: unit, cycle: cycle),
                            strings: strings)
        return render("unit", values: ["page": page, "nav_units": true])
    }

    /// DSHR's Plan page: each Plan of the cycle, and "Confirm and announce" with a step to confirm.
    func plans(notice: String? = nil, confirming slot: String? = nil, retrying: String? = nil) throws -> ConsoleResponse {
        guard viewer.role == .dshr else { return notFound() }
        let environment = app.environment
        let facts = cycleFacts
        let desk = try CycleDesk(environment: environment)
        let status = try desk.statusIfAny(cycle: facts.cycle)
        var daysLeft: [String: Int] = [:]
        for entry in status?.plans ?? [] {
            daysLeft[entry.plan.slot] = try desk.workingDaysLeft(from: facts.today, to: entry.plan.deadline)
        }
        let lines = OverviewPage.planLines(status, today: facts.today, workingDaysLeft: daysLeft, strings: strings)
        let confirming = lines.first { $0.slot == slot && $0.canAnnounce }
        var values: [String: Any] = [
            "cycle": facts.cycle, "plans": lines, "has_plan": !lines.isEmpty, "nav_plan": true,
            "notice": notice ?? "", "has_notice": notice != nil,
            "confirming": confirming.map { ["slot": $0.slot, "file": $0.file] } ?? [:], "is_confirming": confirming != nil,
        ]
        values.merge(try failedSends(desk: desk, lines: lines, retrying: retrying)) { _, new in new }
        return render("plan", values: values)
    }

    /// The second click of "Confirm and announce": the same path as DSHR's confirming reply.
    func announce(slot: String, request: ConsoleRequest) throws -> ConsoleResponse {
        let (cycle, summary): (String, AnnouncementSummary)
        switch try confirmPlan(slot: slot, request: request) {
        case .refused(let response): return response
        case .confirmed(let confirmedCycle, let confirmedSummary): (cycle, summary) = (confirmedCycle, confirmedSummary)
        }
        app.auth.journal("confirmed and announced Plan \(slot) of \(cycle): \(summary.queued) queued, \(summary.alreadyQueued) already queued",
                         email: viewer.email, client: request.client, now: app.environment.now())
        let notice = strings["plan_announced_notice"]
            .replacingOccurrences(of: "{queued}", with: strings.number(summary.queued))
            .replacingOccurrences(of: "{already}", with: strings.number(summary.alreadyQueued))
        return try plans(notice: notice)
    }

    /// What a confirming click on a Plan came to.
    enum ConfirmingClick {
        /// Not DSHR or no such Plan (404), or a forged form (403): the page to answer with.
        case refused(ConsoleResponse)
        /// Confirmed through `CycleDesk`, as DSHR's reply confirms; the sender is woken.
        case confirmed(cycle: String, summary: AnnouncementSummary)
    }

    /// A confirming click on a Plan of the current cycle (Confirm and announce, Retry): DSHR only,
    /// with the session's CSRF token and the page's "yes".
    func confirmPlan(slot: String, request: ConsoleRequest) throws -> ConfirmingClick {
        guard viewer.role == .dshr else { return .refused(notFound()) }
        guard csrfMatches(request), request.form["confirm"] == "yes" else { return .refused(app.forbidden(request)) }
        let cycle = cycleFacts.cycle
        let desk = try CycleDesk(environment: app.environment)
        guard try desk.plans.plans(cycle: cycle).contains(where: { $0.slot == slot }) else { return .refused(notFound()) }
        let summary = try desk.confirmAndAnnounce(slot: slot, cycle: cycle, by: viewer.email)
        app.auth.mailer.outboxChanged()
        return .confirmed(cycle: cycle, summary: summary)
    }

    func person() throws -> ConsoleResponse {
        var rows: [StoredApplicationRow] = []
        for cycle in try store.applications.cycles() { rows += try store.applications.all(cycle: cycle) }
        let page = PersonPage(viewer: viewer, rows: rows, certificates: try store.certificates.all())
        return render("person", values: ["page": page, "nav_me": true])
    }
}
