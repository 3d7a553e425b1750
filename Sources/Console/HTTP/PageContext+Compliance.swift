import Bot
import Foundation
import Staff
import Regulation
import Store

extension PageContext {
    /// The unit `?unit=` names among those this viewer may see; a head is always held to theirs.
    /// Nil when the id names no unit the viewer may see (the page is then 404); `.some(nil)`: every unit.
    func complianceUnit(_ request: ConsoleRequest) throws -> String?? {
        let visible = try visibleUnits()
        if let id = request.query["unit"], !id.isEmpty {
            guard let unit = visible.first(where: { UnitID.of($0) == id }) else { return nil }
            return .some(unit)
        }
        return .some(viewer.role == .head ? visible.first : nil)
    }

    /// `/compliance`: DSHR every unit, a head their own; anyone else 404.
    func compliance(_ request: ConsoleRequest) throws -> ConsoleResponse {
        guard viewer.role != .staff, let unit = try complianceUnit(request) else { return notFound() }
        let environment = app.environment
        let today = ConsoleCycleFacts(now: environment.now()).today
        let page = CompliancePage(findings: try CycleDesk(environment: environment).compliance(asOf: today),
                                  roster: try store.roster.load(), visibleUnits: try visibleUnits(), unit: unit,
                                  asOf: today, strings: strings)
        return render("compliance", values: ["page": page, "nav_compliance": true])
    }

    /// `/compliance.csv`: the file DSHR's monthly report attaches (`ComplianceCSV`), for the
    /// people the page shows.
    func complianceCSV(_ request: ConsoleRequest) throws -> ConsoleResponse {
        guard viewer.role != .staff, let unit = try complianceUnit(request) else { return notFound() }
        let environment = app.environment
        let today = ConsoleCycleFacts(now: environment.now()).today
        let roster = try store.roster.load()
        let visible = try visibleUnits()
        let units = Set(unit.map { [$0] } ?? visible)
        let findings = CompliancePage.findings(try CycleDesk(environment: environment).compliance(asOf: today),
                                               roster: roster, units: units).map(\.0)
        let name = "compliance_\(today.iso)" + (unit.map { "_" + UnitID.of($0) } ?? "") + ".csv"
        return ConsoleResponse(status: 200, contentType: "text/csv; charset=utf-8",
                               body: ComplianceCSV.data(findings, roster: roster),
                               headers: [("Content-Disposition", Self.attachment(named: name))])
    }
}

extension PageContext {
    /// `/compliance.xlsx`: the CSV's people as an Excel workbook, with column titles and
    /// requirements in the page's language (`ComplianceWorkbook`).
    func complianceWorkbook(_ request: ConsoleRequest) throws -> ConsoleResponse {
        guard viewer.role != .staff, let unit = try complianceUnit(request) else { return notFound() }
        let environment = app.environment
        let today = ConsoleCycleFacts(now: environment.now()).today
        let roster = try store.roster.load()
        let visible = try visibleUnits()
        let units = Set(unit.map { [$0] } ?? visible)
        let findings = CompliancePage.findings(try CycleDesk(environment: environment).compliance(asOf: today),
                                               roster: roster, units: units).map(\.0)
        let name = "compliance_\(today.iso)" + (unit.map { "_" + UnitID.of($0) } ?? "") + ".xlsx"
        return ConsoleResponse(status: 200, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                               body: try ComplianceWorkbook.data(findings, roster: roster, language: language,
                                                                 templatesDirectory: environment.templatesDirectory, asOf: today),
                               headers: [("Content-Disposition", Self.attachment(named: name))])
    }
}

extension PageContext {
    /// `/units/<id>/files/<n>`: the n-th original file of a unit this viewer may see, as sent.
    func applicationFile(unitID: String, number: String) throws -> ConsoleResponse {
        guard let unit = try visibleUnits().first(where: { UnitID.of($0) == unitID }), let index = Int(number), index >= 1
        else { return notFound() }
        let cycle = ConsoleCycleFacts(now: app.environment.now()).cycle
        let files = UnitPage.files(try store.applications.rows(unit: unit, cycle: cycle))
        guard index <= files.count, let name = files[index - 1].fileName,
              let bytes = try ApplicationOriginal.file(store: store, messageID: files[index - 1].messageID, fileName: name)
        else { return notFound() }
        // Served as bytes to save, never to show: a hostile file cannot run in the console's origin.
        return ConsoleResponse(status: 200, contentType: "application/octet-stream", body: Data(bytes),
                               headers: [("Content-Disposition", Self.attachment(named: name))])
    }
}
