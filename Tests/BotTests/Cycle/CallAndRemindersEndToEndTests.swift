import Config
import Foundation
import Logging
import Regulation
import Store
import Testing
@testable import Bot

/// The first half of the cycle in the real sandbox (issue 6's end-to-end run): the call for
/// applications with the Appendix 1 form attached → one head applies in time, the other late →
/// the reminder before 1 June goes only to the unit that has not applied → the late application
/// is kept and marked late → the same day's reminders again send nothing.
/// Mailboxes staff1180 (the bot), 1181 (DSHR), 1182–1183 (heads) only.
@Suite(.serialized, .enabled(if: MailSandbox.isAvailable, "mail sandbox not running (scripts/mail-sandbox up)"))
struct CallAndRemindersEndToEndTests {
    static let bot = "staff1180@kazguu.kz"
    static let dshr = "staff1181@kazguu.kz"
    static let onTime = (email: "staff1182@kazguu.kz", name: "Бауыржан Оспанов", unit: "Law School")
    static let late = (email: "staff1183@kazguu.kz", name: "Dana Levin", unit: "Finance")

    @Test func callApplyRemindLate() throws {
        let sandbox = try MailSandbox()
        try sandbox.reset([Self.bot, Self.dshr, Self.onTime.email, Self.late.email])
        let roster = """
            email,full_name,category,unit,role,leadership,lang
            \(Self.dshr),Айгерим Сатпаева,ABP,HR,dshr,no,ru
            \(Self.onTime.email),\(Self.onTime.name),PPS,\(Self.onTime.unit),head,yes,kk
            \(Self.late.email),\(Self.late.name),ABP,\(Self.late.unit),head,yes,en

            """
        let rosterFile = FileManager.default.temporaryDirectory.appendingPathComponent("call-roster-\(UUID().uuidString).csv")
        try Data(roster.utf8).write(to: rosterFile)
        let store = try TemporaryStore(roster: rosterFile)
        var configuration = sandbox.configuration(botUser: Self.bot, store: store.url)
        configuration.bot.dshr = [Self.dshr]
        let environment = BotEnvironment(
            configuration: configuration, store: store.fileStore,
            templatesDirectory: MailSandbox.repository.appendingPathComponent("templates"), logger: Logger(label: "call-test"))
        let runner = try BotRunner(environment: environment)
        defer { runner.disconnect() }
        let desk = try CycleDesk(environment: environment)
        let heads = [Self.onTime.email, Self.late.email]

        // 1. The call, on the policy's date, to every head, with the form attached.
        let callDay = try #require(CivilDate(text: "2026-04-15"))
        let call = try desk.remind(today: callDay)
        #expect(call.queued["call"] == 2)
        _ = try runner.flushOutbox()
        try sandbox.waitUntil(seconds: 30) { try heads.allSatisfy { try sandbox.messages(of: $0).count == 1 } }
        for head in heads {
            let raw = try #require(try sandbox.messages(of: head).first)
            #expect(String(decoding: raw, as: UTF8.self).contains(".xlsx"), "\(head): the Appendix 1 form is attached")
        }

        // 2. One head applies in May; the reminder of 18 May goes only to the other.
        let may = Date(timeIntervalSince1970: 1_778_400_000)  // 10 May 2026
        try deliver(ApplicationMail.make(number: 1, from: Self.onTime, to: Self.bot, date: may), sandbox: sandbox)
        _ = try runner.poll()
        #expect(try store.fileStore.applications.rows(unit: Self.onTime.unit, cycle: "2026-2027").count == 2)
        let reminder = try desk.remind(today: try #require(CivilDate(text: "2026-05-18")))
        #expect(reminder.queued["applications"] == 1)
        _ = try runner.flushOutbox()
        try sandbox.waitUntil(seconds: 30) { try sandbox.messages(of: Self.late.email).count == 2 }
        #expect(try sandbox.messages(of: Self.late.email).count == 2, "the call and one reminder")
        try sandbox.waitUntil(seconds: 30) { try sandbox.messages(of: Self.onTime.email).count == 2 }
        Thread.sleep(forTimeInterval: 1)
        #expect(try sandbox.messages(of: Self.onTime.email).count == 2, "the call and the receipt, no reminder")

        // The same day again sends nothing.
        let again = try desk.remind(today: try #require(CivilDate(text: "2026-05-18")))
        #expect(again.queued.values.reduce(0, +) == 0)

        // 3. The other head applies after 1 June: kept, marked late, answered.
        let june = Date(timeIntervalSince1970: 1_780_650_000)  // 5 June 2026
        try deliver(ApplicationMail.make(number: 2, from: Self.late, to: Self.bot, date: june), sandbox: sandbox)
        _ = try runner.poll()
        let lateRows = try store.fileStore.applications.rows(unit: Self.late.unit, cycle: "2026-2027")
        #expect(lateRows.count == 2)
        #expect(lateRows.allSatisfy { $0.late })
        #expect(try store.fileStore.applications.rows(unit: Self.onTime.unit, cycle: "2026-2027").allSatisfy { !$0.late })
        try sandbox.waitUntil(seconds: 30) { try sandbox.messages(of: Self.late.email).count == 3 }
        #expect(try sandbox.messages(of: Self.late.email).count == 3, "the late application gets its receipt")
    }

    private func deliver(_ raw: Data, sandbox: MailSandbox) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("call-\(UUID().uuidString).eml")
        try raw.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        try sandbox.deliver([url], to: Self.bot)
    }
}
