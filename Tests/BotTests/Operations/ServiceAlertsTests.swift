import CivilCalendar
import Config
import Foundation
import Logging
import Regulation
import Store
import Testing
@testable import Bot

/// Issue 15, item 6: which service alerts are due (pure), and that each is mailed once.
@Suite struct ServiceAlertsTests {
    /// 7 December 2026, 10:00 in Almaty.
    static let december = Date(timeIntervalSince1970: 1_796_619_600)
    static let gib: UInt64 = 1 << 30

    static func facts(now: Date = december, disk: ServiceAlerts.Disk? = nil, outbox: [OutboxEntry] = [],
                      years: Set<Int> = [2026, 2027], plans: [ServiceAlerts.PlanFacts] = []) -> ServiceAlerts.Facts {
        ServiceAlerts.Facts(now: now, disk: disk, outbox: outbox, calendarYears: years, calendarFile: "config/holidays-kz.yml",
                            plans: plans, planUnconfirmedWorkingDays: 3)
    }

    /// A store's outbox with one message per state, queued at `queuedAt`.
    static func outbox(queuedAt: Date) throws -> [OutboxEntry] {
        let store = try FileStore(root: FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-alerts-\(UUID().uuidString)"))
        defer { try? FileManager.default.removeItem(at: store.root) }
        for name in ["queued", "sent", "retried", "refused"] {
            _ = try store.outbox.enqueue(messageID: "\(name)@kazguu.kz", purpose: name, recipients: ["\(name)@kazguu.kz"],
                                         subject: "Өтінім", raw: Data("x".utf8), now: queuedAt)
        }
        _ = try store.outbox.markSent(messageID: "sent@kazguu.kz", at: queuedAt)
        _ = try store.outbox.markFailed(messageID: "retried@kazguu.kz", reason: "451 4.3.0 try later", permanent: false, now: queuedAt)
        _ = try store.outbox.markFailed(messageID: "refused@kazguu.kz", reason: "550 5.1.1 no such user", permanent: true, now: queuedAt)
        return try store.outbox.all()
    }

    static func plan(state: PlanState, deadline: CivilDate, workingDaysLeft: Int, remaining: Int = 120,
                     finish: Date? = nil) -> ServiceAlerts.PlanFacts {
        ServiceAlerts.PlanFacts(situation: .init(slot: "2026-2027", cycle: "2026-2027", fileName: "Жоспар.xlsx", deadline: deadline,
                                                 workingDaysLeft: workingDaysLeft, remaining: remaining,
                                                 isConfirmed: state != .previewed, previewMessageID: "preview@kazguu.kz"),
                                state: state, finish: finish)
    }

    @Test func theDiskAlertsUnderTenPercentFree() {
        let low = ServiceAlerts.Disk(path: "/var/lib/cpdbot", freeBytes: 9 * Self.gib, totalBytes: 100 * Self.gib)
        let enough = ServiceAlerts.Disk(path: "/var/lib/cpdbot", freeBytes: 10 * Self.gib, totalBytes: 100 * Self.gib)
        #expect(ServiceAlerts.conditions(Self.facts(disk: low)).map(\.key) == ["disk_space"])
        #expect(ServiceAlerts.conditions(Self.facts(disk: enough)).isEmpty)
        #expect(ServiceAlerts.conditions(Self.facts(disk: nil)).isEmpty)
        #expect(ServiceAlerts.conditions(Self.facts(disk: low)).first?.summary == "the disk of /var/lib/cpdbot has 9 GB free (9%)")
    }

    @Test func failedMessagesAlertOnceADayHasPassed() throws {
        let queued = Self.december.addingTimeInterval(-86_400 - 60)
        let entries = try Self.outbox(queuedAt: queued)
        let keys = ServiceAlerts.conditions(Self.facts(outbox: entries)).map(\.key)
        // Failed for good and still retried both count; queued and sent do not.
        #expect(keys == ["failed_outbox:refused@kazguu.kz", "failed_outbox:retried@kazguu.kz"]
            || keys == ["failed_outbox:retried@kazguu.kz", "failed_outbox:refused@kazguu.kz"])
        // Less than a day: a passing refusal, nobody is told.
        let recent = try Self.outbox(queuedAt: Self.december.addingTimeInterval(-86_000))
        #expect(ServiceAlerts.conditions(Self.facts(outbox: recent)).isEmpty)
    }

    /// A table of dates (Almaty) against the calendar's years.
    @Test(arguments: [
        // (year, month, day, years in the calendar, the year alerted or nil)
        (2026, 10, 31, [2026], nil as Int?),
        (2026, 11, 1, [2026], 2027),
        (2026, 12, 31, [2026], 2027),
        (2026, 11, 1, [2026, 2027], nil),
        (2027, 1, 1, [2026], 2027),
        (2027, 3, 15, [2027], nil),
    ] as [(Int, Int, Int, Set<Int>, Int?)])
    func theCalendarMustHaveNextYearFromTheFirstOfNovember(year: Int, month: Int, day: Int, years: Set<Int>, alerted: Int?) throws {
        let date = try #require(CivilDate(year: year, month: month, day: day))
        // 10:00 in Almaty that day.
        let now = Date(timeIntervalSince1970: TimeInterval(date.dayNumber * 86_400 + 10 * 3600))
            .addingTimeInterval(-TimeInterval(UniversityTimeZone.default.secondsFromGMT()))
        let keys = ServiceAlerts.conditions(Self.facts(now: now, years: years)).map(\.key)
        #expect(keys == (alerted.map { ["calendar:\($0)"] } ?? []), "\(date.iso)")
    }

    @Test func aPlanAtRiskByPaceOrUnconfirmedNearItsDeadline() throws {
        let deadline = try #require(CivilDate(year: 2026, month: 12, day: 11))
        let late = Self.december.addingTimeInterval(5 * 86_400)  // 12 December: after the deadline day
        let onTime = Self.december.addingTimeInterval(3600)
        func keys(_ plan: ServiceAlerts.PlanFacts) -> [String] { ServiceAlerts.conditions(Self.facts(plans: [plan])).map(\.key) }
        #expect(keys(Self.plan(state: .confirmed, deadline: deadline, workingDaysLeft: 4, finish: late)) == ["plan_pace:2026-2027"])
        #expect(keys(Self.plan(state: .confirmed, deadline: deadline, workingDaysLeft: 4, finish: onTime)).isEmpty)
        // No sending limits: no estimate, no pace alert.
        #expect(keys(Self.plan(state: .confirmed, deadline: deadline, workingDaysLeft: 1, finish: nil)).isEmpty)
        // Previewed: N = 3 working days before the deadline and closer, not earlier.
        #expect(keys(Self.plan(state: .previewed, deadline: deadline, workingDaysLeft: 4)).isEmpty)
        #expect(keys(Self.plan(state: .previewed, deadline: deadline, workingDaysLeft: 3)) == ["plan_unconfirmed:2026-2027"])
        #expect(keys(Self.plan(state: .previewed, deadline: deadline, workingDaysLeft: 0, finish: late))
            == ["plan_pace:2026-2027", "plan_unconfirmed:2026-2027"])
        // Everything sent, or the deadline passed: nothing more to say (the deadline alert and the daily summary speak then).
        #expect(keys(Self.plan(state: .announced, deadline: deadline, workingDaysLeft: 1, remaining: 0, finish: late)).isEmpty)
        let passed = try #require(CivilDate(year: 2026, month: 12, day: 4))
        #expect(keys(Self.plan(state: .previewed, deadline: passed, workingDaysLeft: 0)).isEmpty)
    }

    @Test func workingDaysSkipWeekendsAndHolidays() throws {
        let rules = try CycleRules.load(RuleFiles(nextTo: InstallationCheckTests.repository.appendingPathComponent("templates")))
        // After Monday 14 December 2026 up to Friday 18 December: 16 December is Independence Day.
        let monday = try #require(CivilDate(year: 2026, month: 12, day: 14))
        let friday = try #require(CivilDate(year: 2026, month: 12, day: 18))
        #expect(try ServiceAlerts.workingDays(after: monday, through: friday, calendar: rules.calendar, limit: 10) == 3)
        #expect(try ServiceAlerts.workingDays(after: monday, through: friday, calendar: rules.calendar, limit: 1) == 1)
        #expect(try ServiceAlerts.workingDays(after: friday, through: monday, calendar: rules.calendar, limit: 10) == 0)
    }

    /// The "once" rule with a fake clock: mailed when it first holds, not again while it
    /// holds, again after it cleared and came back; remembered without mail while nobody can be told.
    @Test func eachConditionIsMailedOnceUntilItClearsAndReturns() {
        let disk = ServiceCondition.diskSpace(path: "/s", freeBytes: 1, totalBytes: 100)
        let calendar = ServiceCondition.calendarYearMissing(year: 2027, file: "h.yml")
        var clock = Self.december
        var first = ServiceAlerts.round(active: [disk], remembered: AlertState(), now: clock, canAlert: true)
        #expect(first.toSend == [disk])
        #expect(first.state.active.map(\.alertedAt) == [clock])
        clock += 600
        let second = ServiceAlerts.round(active: [disk, calendar], remembered: first.state, now: clock, canAlert: true)
        #expect(second.toSend == [calendar])
        #expect(second.state.active.first { $0.key == "disk_space" }?.since == Self.december)
        clock += 600
        let cleared = ServiceAlerts.round(active: [calendar], remembered: second.state, now: clock, canAlert: true)
        #expect(cleared.toSend.isEmpty && cleared.cleared.map(\.key) == ["disk_space"])
        clock += 600
        let back = ServiceAlerts.round(active: [disk, calendar], remembered: cleared.state, now: clock, canAlert: true)
        #expect(back.toSend == [disk])
        // Nobody to tell: remembered, not marked as told; told at the first look with someone to tell.
        first = ServiceAlerts.round(active: [disk], remembered: AlertState(), now: clock, canAlert: false)
        #expect(first.toSend.isEmpty && first.state.active.map(\.alertedAt) == [nil])
        #expect(ServiceAlerts.round(active: [disk], remembered: first.state, now: clock + 60, canAlert: true).toSend == [disk])
    }

    /// The desk against a real store: a failed message queued two days before the fake clock
    /// is mailed to DSHR and the admin once, over two looks; `mailbox/alerts.json` is private.
    @Test func theDeskQueuesOneAlertForDSHRAndTheAdminAndRemembersIt() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-alertdesk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try FileStore(root: root)
        let now = Self.december
        _ = try store.outbox.enqueue(messageID: "stuck@kazguu.kz", purpose: "receipt:x", recipients: ["a@kazguu.kz"],
                                     subject: "Өтінім қабылданды", raw: Data("x".utf8), now: now.addingTimeInterval(-2 * 86_400))
        _ = try store.outbox.markFailed(messageID: "stuck@kazguu.kz", reason: "550 5.1.1 no such user", permanent: true, now: now)
        var configuration = CPDBotConfiguration()
        configuration.bot.dshr = ["dshr@kazguu.kz"]
        configuration.bot.admin = ["it@kazguu.kz", "dshr@kazguu.kz"]
        let templates = InstallationCheckTests.repository.appendingPathComponent("templates")
        let environment = BotEnvironment(configuration: configuration, store: store, templatesDirectory: templates,
                                         logger: Logger(label: "test"), now: { now })
        let renderer = try TemplateLibraryRenderer(directory: templates, signature: MailSignature(configuration.signature))
        let desk = ServiceAlertDesk(environment: environment, replies: ReplyWriter(environment: environment, renderer: renderer))
        #expect(desk.lookAndTell().map(\.key) == ["failed_outbox:stuck@kazguu.kz"])
        #expect(desk.lookAndTell().isEmpty)
        let alerts = try store.outbox.all().filter { $0.purpose.hasPrefix(ServiceAlertDesk.purposePrefix) }
        #expect(alerts.count == 1)
        #expect(alerts.first?.recipients == ["dshr@kazguu.kz", "it@kazguu.kz"])
        let state = try store.alerts.load()
        #expect(state.checkedAt == now && state.active.map(\.key) == ["failed_outbox:stuck@kazguu.kz"])
        var status = stat()
        let found = stat(store.alerts.url.path, &status)
        #expect(found == 0 && status.st_mode & 0o777 == 0o600)
    }

    /// A Plan's alert joins the preview's thread, so that a reply "растаймын" confirms the Plan.
    @Test func aPlanAlertRepliesToThePreview() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-planalert-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try FileStore(root: root)
        var configuration = CPDBotConfiguration()
        configuration.bot.dshr = ["dshr@kazguu.kz"]
        let templates = InstallationCheckTests.repository.appendingPathComponent("templates")
        let environment = BotEnvironment(configuration: configuration, store: store, templatesDirectory: templates,
                                         logger: Logger(label: "test"), now: { Self.december })
        let renderer = try TemplateLibraryRenderer(directory: templates, signature: MailSignature(configuration.signature))
        let desk = ServiceAlertDesk(environment: environment, replies: ReplyWriter(environment: environment, renderer: renderer))
        let deadline = try #require(CivilDate(year: 2026, month: 12, day: 11))
        let plan = Self.plan(state: .previewed, deadline: deadline, workingDaysLeft: 3).situation
        #expect(try desk.tell([.planUnconfirmed(plan)]).count == 1)
        let entry = try #require(try store.outbox.all().first)
        let raw = String(decoding: try store.outbox.raw(messageID: entry.messageID), as: UTF8.self)
        #expect(raw.contains("In-Reply-To: <preview@kazguu.kz>"), "\(raw.prefix(600))")
        #expect(entry.recipients == ["dshr@kazguu.kz"])
    }
}

extension ServiceAlertsTests {
    /// `service_alert` with every kind, for the wording and snapshot tests (MailWordingTests).
    static var sampleContexts: [(String, [String: Any])] {
        let deadline = CivilDate(year: 2026, month: 12, day: 11) ?? CivilDate(dayNumber: 0)
        let plan = ServiceCondition.PlanSituation(slot: "2026-2027", cycle: "2026-2027", fileName: "Жоспар 2026-2027.xlsx",
                                                  deadline: deadline, workingDaysLeft: 3, remaining: 1_250,
                                                  previewMessageID: "preview@kazguu.kz")
        var confirmed = plan
        confirmed.isConfirmed = true
        let failed = (1...22).map { number in
            ServiceCondition.failedMessage(.init(
                messageID: "m\(number)@kazguu.kz", recipients: ["staff\(number)@kazguu.kz"],
                subject: number == 2 ? nil : "Өтінім қабылданды", queuedAt: december.addingTimeInterval(-2 * 86_400),
                reason: number == 1 ? "451 4.3.0 try again later" : "550 5.1.1 <staff\(number)@kazguu.kz>: Recipient address rejected",
                permanent: number != 1))
        }
        let conditions: [[ServiceCondition]] = [
            [.diskSpace(path: "/var/lib/cpdbot", freeBytes: 3 * gib, totalBytes: 40 * gib)],
            Array(failed.prefix(1)),
            failed,
            [.calendarYearMissing(year: 2027, file: "/etc/cpdbot/holidays-kz.yml")],
            [.planPace(plan, finish: december.addingTimeInterval(5 * 86_400))],
            [.planPace(confirmed, finish: december.addingTimeInterval(5 * 86_400))],
            [.planUnconfirmed(plan)],
        ]
        return conditions.map { ("service_alert", ServiceAlertContexts.values($0, listed: ServiceAlertDesk.listedMessages, timeZone: UniversityTimeZone.default)) }
    }
}
