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
        let today = cycleFacts.today
        let page = CompliancePage(findings: try CycleDesk(environment: environment).compliance(asOf: today),
                                  roster: try store.roster.load(), visibleUnits: try visibleUnits(), unit: unit,
                                  asOf: today, strings: strings, page: request.query["page"])
        return render("compliance", values: ["page": page, "nav_compliance": true])
    }

    /// What a compliance download holds: the findings of the people the page shows (the unit
    /// `?unit=` names, else every unit the viewer may see), and the file's name without extension.
    private func complianceDownload(_ request: ConsoleRequest)
        throws -> (findings: [ComplianceFinding], roster: Roster, today: CivilDate, name: String)? {
        guard viewer.role != .staff, let unit = try complianceUnit(request) else { return nil }
        let today = cycleFacts.today
        let roster = try store.roster.load()
        let units = Set(try unit.map { [$0] } ?? visibleUnits())
        let findings = CompliancePage.findings(try CycleDesk(environment: app.environment).compliance(asOf: today),
                                               roster: roster, units: units).map(\.0)
        return (findings, roster, today, "compliance_\(today.iso)" + (unit.map { "_" + UnitID.of($0) } ?? ""))
    }

    /// `/compliance.csv`: the file DSHR's monthly report attaches (`ComplianceCSV`), for the
    /// people the page shows.
    func complianceCSV(_ request: ConsoleRequest) throws -> ConsoleResponse {
        guard let download = try complianceDownload(request) else { return notFound() }
        return ConsoleResponse(status: 200, contentType: "text/csv; charset=utf-8",
                               body: ComplianceCSV.data(download.findings, roster: download.roster),
                               headers: [("Content-Disposition", Self.attachment(named: download.name + ".csv"))])
    }

    /// `/compliance.xlsx`: the CSV's people as an Excel workbook, with column titles and
    /// requirements in the page's language (`ComplianceWorkbook`).
    func complianceWorkbook(_ request: ConsoleRequest) throws -> ConsoleResponse {
        guard let download = try complianceDownload(request) else { return notFound() }
        let body = try ComplianceWorkbook.data(download.findings, roster: download.roster, language: language,
                                               templatesDirectory: app.environment.templatesDirectory,
                                               asOf: download.today)
        return ConsoleResponse(status: 200, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                               body: body, headers: [("Content-Disposition", Self.attachment(named: download.name + ".xlsx"))])
    }
}

extension PageContext {
    /// `/units/<id>/files/<n>`: the n-th original file of a unit this viewer may see, as sent.
    func applicationFile(unitID: String, number: String) throws -> ConsoleResponse {
        guard let unit = try visibleUnits().first(where: { UnitID.of($0) == unitID }), let index = Int(number), index >= 1
        else { return notFound() }
        let cycle = cycleFacts.cycle
        let files = UnitPage.files(try store.applications.rows(unit: unit, cycle: cycle))
        guard index <= files.count, let name = files[index - 1].fileName,
              let bytes = try ApplicationOriginal.file(store: store, messageID: files[index - 1].messageID, fileName: name)
        else { return notFound() }
        // Served as bytes to save, never to show: a hostile file cannot run in the console's origin.
        return ConsoleResponse(status: 200, contentType: "application/octet-stream", body: Data(bytes),
                               headers: [("Content-Disposition", Self.attachment(named: name))])
    }
}
