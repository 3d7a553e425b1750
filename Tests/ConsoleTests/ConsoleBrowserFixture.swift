@testable import Bot
import Config
import Foundation
@testable import Intake
import Logging
import Regulation
import Staff
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
            staff1450@kazguu.kz,Бекова Айгүл,PPS,\(Self.unitC),staff,no,ru

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
        try Self.announcePlanWithOneFailure(store: store, cycle: cycle, now: now)
        try Self.archiveHeadsMessage(store: store, now: now)
    }

    /// A Plan of `cycle` previewed and announced as DSHR's mail would, with staff1450's
    /// announcement refused for good: the Plan page's Retry sends it again, once.
    static func announcePlanWithOneFailure(store: FileStore, cycle: String, now: Date) throws {
        var configuration = CPDBotConfiguration()
        configuration.bot.address = "staff1449@kazguu.kz"
        configuration.bot.dshr = ["staff1430@kazguu.kz"]
        var logger = Logger(label: "console-browser-fixture")
        logger.logLevel = .critical
        let environment = BotEnvironment(configuration: configuration, store: store,
                                         templatesDirectory: repositoryRoot.appendingPathComponent("templates"),
                                         ruleFiles: RuleFiles(directory: repositoryRoot.appendingPathComponent("config")),
                                         logger: logger, now: { now })
        let desk = try CycleDesk(environment: environment)
        let roster = try store.roster.load()
        let dshr = try #require(roster.person(address: "staff1430@kazguu.kz"))
        let plan = DSHRCommandMail.plan.replacingOccurrences(of: "staff.law@kazguu.kz", with: "staff1433@kazguu.kz")
            .replacingOccurrences(of: "head.econ@kazguu.kz", with: "staff1450@kazguu.kz")
        let raw = DSHRCommandMail.raw(tag: "[PLAN] \(cycle)", from: dshr.email, id: "browser-plan-1@kazguu.kz",
                                      body: "Approved: \(CivilDate(now, in: environment.timeZone).iso)", fileName: "plan.csv", csv: plan)
        let reading = try MessageReading.read(raw, receivedAt: now, limits: .init())
        guard case .previewed(let slot, _) = try desk.plan.receive(from: dshr, reading: reading, hash: "browser-plan-1",
                                                                   roster: roster) else {
            Issue.record("the browser test's Plan was not previewed")
            return
        }
        _ = try desk.confirmAndAnnounce(slot: slot, cycle: cycle, by: dshr.email)
        let refused = try #require(try store.outbox.all().first { $0.purpose == "announce:\(slot):staff1450@kazguu.kz" })
        try store.outbox.markFailed(messageID: refused.messageID, reason: "552 5.2.2 <staff1450@kazguu.kz>: mailbox full",
                                    permanent: true, now: now)
    }

    /// A head's message in the archive and the journal, with markup in its file name: the
    /// inspect view shows it as text, to DSHR and that head only.
    static func archiveHeadsMessage(store: FileStore, now: Date) throws {
        let raw = Data(MessageReadingTests.raw.replacingOccurrences(of: "head.law@kazguu.kz", with: "staff1431@kazguu.kz").utf8)
        let archived = try store.archive.store(raw: raw, messageID: "<inspect-1@kazguu.kz>", receivedAt: now, now: now)
        try store.journal.append(JournalEvent(at: now, event: .routed, messageID: "<inspect-1@kazguu.kz>", outcome: "processed",
                                              from: "staff1431@kazguu.kz", sha256: archived.message.sha256))
    }
}
