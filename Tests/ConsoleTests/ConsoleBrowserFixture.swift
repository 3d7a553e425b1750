import Bot
import Foundation
import Store
import Testing
@testable import Console

/// Fills a store for the browser test (`scripts/console-browser-test`): a roster of the console's
/// sandbox mailboxes (staff1430–1449) and two units' applications, one with markup in a name
/// and a file name. Runs only when `CPDBOT_CONSOLE_FIXTURE` names the store's folder.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["CPDBOT_CONSOLE_FIXTURE"] != nil,
                "set CPDBOT_CONSOLE_FIXTURE=DIR to fill a store for the browser test"))
struct ConsoleBrowserFixture {
    static let unitA = "Құқық жоғары мектебі", unitB = "Халықаралық экономика мектебі", unitC = "Гуманитарлық мектеп"

    @Test func fillTheStore() throws {
        let path = try #require(ProcessInfo.processInfo.environment["CPDBOT_CONSOLE_FIXTURE"])
        let store = try FileStore(root: URL(fileURLWithPath: path))
        let roster = """
            email,full_name,category,unit,role,leadership,lang
            staff1430@kazguu.kz,Әлиева Дана Серікқызы,ABP,Стратегия және HR бөлімі,dshr,no,kk
            staff1431@kazguu.kz,Сейтқали Әлібек Қайратұлы,PPS,\(Self.unitA),head,yes,ru
            staff1432@kazguu.kz,Nurmagambetova Gulnar,PPS,\(Self.unitB),head,yes,en
            staff1433@kazguu.kz,Омаров Дәурен Маратұлы,PPS,\(Self.unitA),staff,no,kk
            staff1434@kazguu.kz,Жұмабаева Әсел,PPS,\(Self.unitC),head,yes,kk

            """
        _ = try store.roster.replace(with: Data(roster.utf8))
        let now = Date()
        let cycle = ConsoleCycleFacts(now: now).cycle
        func row(_ number: Int, _ name: String, _ email: String, unit: String, file: String, late: Bool) -> StoredApplicationRow {
            StoredApplicationRow(no: number, school: unit, fullName: name, trainingDirection: "Құқық",
                                 programme: "Цифрлық құқық <b>негіздері</b>", lastCourse: nil, lastCourseDate: nil,
                                 lastCourseHours: nil, phone: nil, email: email, unit: unit,
                                 submittedBy: unit == Self.unitA ? "staff1431@kazguu.kz" : "staff1432@kazguu.kz",
                                 messageID: "<fixture-\(unit.utf8.count)@kazguu.kz>", receivedAt: now, sourceFile: file,
                                 cycle: cycle, late: late)
        }
        _ = try store.applications.replace(unit: Self.unitA, cycle: cycle, rows: [
            row(1, "Омаров Дәурен Маратұлы", "staff1433@kazguu.kz", unit: Self.unitA,
                file: "\"><img src=x onerror=alert(1)>.xlsx", late: false),
            row(2, "<script>alert('xss')</script>", "staff1435@kazguu.kz", unit: Self.unitA,
                file: "\"><img src=x onerror=alert(1)>.xlsx", late: false),
        ], now: now)
        _ = try store.applications.replace(unit: Self.unitB, cycle: cycle, rows: [
            row(1, "Ivanov Ivan", "staff1436@kazguu.kz", unit: Self.unitB, file: "application.xlsx", late: true),
        ], now: now)
    }
}
