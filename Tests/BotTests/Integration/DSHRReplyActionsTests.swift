import Config
import Foundation
import Logging
import MIME
import Regulation
import Store
import Testing
@testable import Bot

/// Issue 14 item 5: every action a mail asks of DSHR is done by replying to it. Here the one a
/// preview does not cover (CycleEndToEndTests does the preview): the §7.7 deadline alert lists an
/// address the server refused; DSHR sends the corrected roster with [ТІЗІМ] and replies
/// «растаймын» to the alert; the Plan goes to the new address only. Mailboxes staff1540–1549.
@Suite(.serialized, .enabled(if: MailSandbox.isAvailable, "mail sandbox not running (scripts/mail-sandbox up)"))
struct DSHRReplyActionsTests {
    static let bot = "staff1540@kazguu.kz"
    static let dshr = "staff1541@kazguu.kz"
    static let staff = ["staff1542@kazguu.kz", "staff1543@kazguu.kz", "staff1544@kazguu.kz"]
    /// On the first roster by mistake: the sandbox refuses it at RCPT (550 5.1.1).
    static let gone = "gone.staff1545@kazguu.kz"
    static let corrected = "staff1545@kazguu.kz"
    static let header = "email,full_name,category,unit,role,leadership,lang"

    static func roster(_ fifth: String) -> String {
        [header, "\(dshr),Сатпаева Айгерім Болатқызы,ABP,HR,dshr,no,kk",
         "\(staff[0]),Оспанов Бауыржан Серікұлы,PPS,Law School,staff,no,kk",
         "\(staff[1]),Петрова Мария Ивановна,PPS,Law School,staff,no,ru",
         "\(staff[2]),Dana Levin,PPS,Law School,staff,no,en",
         "\(fifth),Әбенова Динара Ғаниқызы,PPS,Law School,staff,no,kk"].joined(separator: "\n") + "\n"
    }

    static let planCSV: String = {
        var lines = ["course_id,title,competency_group,audience,kind,location,term,hours,start_date,end_date,language,delivery,cost_kzt,participant_email"]
        let course = "RPL-01,Modern teaching methods,professional_knowledge_and_research,PPS,qualification,domestic,medium,72,2026-09-14,2026-10-30,ru,offline,120000"
        for address in staff { lines.append("\(course),\(address)") }
        return lines.joined(separator: "\r\n") + "\r\n"
    }()

    @Test func aReplyToTheDeadlineAlertSendsThePlanToTheCorrectedAddresses() throws {
        let sandbox = try MailSandbox()
        try sandbox.reset([Self.bot, Self.dshr, Self.corrected] + Self.staff)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dshr-reply-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let rosterFile = folder.appendingPathComponent("roster.csv")
        try Data(Self.roster(Self.gone).utf8).write(to: rosterFile)
        let store = try TemporaryStore(roster: rosterFile)
        var configuration = sandbox.configuration(botUser: Self.bot, store: store.url)
        configuration.bot.dshr = [Self.dshr]
        configuration.bot.language = .kk
        let environment = BotEnvironment(
            configuration: configuration, store: store.fileStore,
            templatesDirectory: MailSandbox.repository.appendingPathComponent("templates"), logger: Logger(label: "dshr-reply"))
        let runner = try BotRunner(environment: environment)
        defer { runner.disconnect() }
        let messages = Messages(sandbox: sandbox)
        let unique = UUID().uuidString.prefix(8)
        func deliver(_ raw: Data) throws {
            let url = folder.appendingPathComponent("\(UUID().uuidString).eml")
            try raw.write(to: url)
            try sandbox.deliver([url], to: Self.bot)
            for _ in 0..<10 {
                _ = try runner.poll()
                if try store.fileStore.outbox.pending(now: Date().addingTimeInterval(3600)).isEmpty { break }
            }
        }

        // The Plan, previewed and confirmed by a reply: the wrong address fails.
        let planID = "plan-\(unique)@dshr.kazguu.kz"
        try deliver(DSHRMail.command(tag: "[ЖОСПАР] 2026-2027", from: Self.dshr, to: Self.bot, id: planID,
                                     body: "Сәлеметсіз бе!\nБекітілді: 03.07.2026\n", fileName: "plan.csv", csv: Self.planCSV))
        try sandbox.waitUntil(seconds: 30) { try messages.replies(to: planID, of: Self.dshr).count == 1 }
        let preview = try #require(try messages.replies(to: planID, of: Self.dshr).first)
        #expect(preview.text.contains("растаймын"), "the preview says how to confirm by reply")
        let previewID = try #require(MailSandbox.header("Message-ID", in: preview.raw))
        try deliver(DSHRMail.reply(from: Self.dshr, to: Self.bot, id: "confirm-\(unique)@dshr.kazguu.kz", inReplyTo: previewID,
                                   subject: "Жоспар", body: "Растаймын.\n"))
        try sandbox.waitUntil(seconds: 60) { try Self.staff.allSatisfy { try messages.announcements(of: $0).count == 1 } }
        let slot = try #require(try PlanStore(store: store.fileStore).plans(cycle: "2026-2027").first).slot
        let counts = DeadlineAlert.counts(try store.fileStore.outbox.all(), slot: slot)
        #expect(counts.failed == 1 && counts.sent == 4, "\(counts)")

        // 10 July 2026 (Fri) is the working day before the deadline (Mon 13 July): the alert.
        let desk = try CycleDesk(environment: environment)
        #expect(try DeadlineAlert(desk: desk).send(today: try #require(CivilDate(text: "2026-07-10"))) == [.queued])
        _ = try runner.flushOutbox()
        let alertID = MessageComposer.messageID(key: DeadlineAlert.purposePrefix + slot, domain: "kazguu.kz")
        try sandbox.waitUntil(seconds: 30) { try messages.all(of: Self.dshr).contains { MailSandbox.header("Message-ID", in: $0.raw) == alertID } }
        let alert = try #require(try messages.all(of: Self.dshr).first { MailSandbox.header("Message-ID", in: $0.raw) == alertID })
        #expect(alert.text.contains(Self.gone), "the refused address is listed")
        #expect(alert.text.contains("[ТІЗІМ]") && alert.text.contains("«растаймын» деген сөзбен жауап беріңіз")
                && alert.text.contains("сервер қабылдамаған мекенжайларға тағы бір рет жібереді"),
                "what to do, by reply, and that refused ones are sent again")
        #expect(!alert.text.contains("cpdbot"), "no command to run")

        // DSHR corrects the roster, then answers the alert.
        let rosterID = "roster-\(unique)@dshr.kazguu.kz"
        try deliver(DSHRMail.command(tag: "[ТІЗІМ]", from: Self.dshr, to: Self.bot, id: rosterID, body: "Түзетілген тізім.\n",
                                     fileName: "roster.csv", csv: Self.roster(Self.corrected)))
        try sandbox.waitUntil(seconds: 30) { try messages.replies(to: rosterID, of: Self.dshr).count == 1 }
        let rosterReply = try #require(try messages.replies(to: rosterID, of: Self.dshr).first)
        #expect(rosterReply.text.contains(Self.corrected) && rosterReply.text.contains(Self.gone), "\(rosterReply.text)")
        try deliver(Self.reply(id: "alert-reply-\(unique)@dshr.kazguu.kz", to: alertID, thread: [previewID, alertID],
                               body: "Растаймын, тізім түзетілді.\n\n> Пошта сервері мына мекенжайларды қабылдамады.\n"))
        try sandbox.waitUntil(seconds: 60) { try messages.announcements(of: Self.corrected).count == 1 }
        #expect(try messages.announcements(of: Self.corrected).count == 1, "the corrected address gets the Plan")
        for address in Self.staff {
            #expect(try messages.announcements(of: address).count == 1, "\(address) gets it once, not again")
        }
    }

    /// DSHR's reply to a mail in the preview's thread, as a mail client writes it: References
    /// holds the whole thread.
    static func reply(id: String, to parent: String, thread: [String], body: String) -> Data {
        let text = """
            From: DSHR <\(dshr)>\r
            To: <\(bot)>\r
            Subject: \(DSHRMail.encoded("Re: Жоспар мерзімі"))\r
            Date: \(DSHRMail.rfc5322(Date()))\r
            Message-ID: <\(id)>\r
            In-Reply-To: \(parent)\r
            References: \(thread.joined(separator: " "))\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: base64\r
            \r
            \(Data(body.utf8).base64EncodedString())\r

            """
        return Data(text.utf8)
    }
}
