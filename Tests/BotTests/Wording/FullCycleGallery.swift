import Config
import Documents
import Foundation
@testable import Intake
import Logging
import MIME
import Regulation
import Staff
import Store
import Testing
import TestSupport
@testable import Bot

/// Issue 14's check: every mail of a full cycle as its reader gets it, in each language – the
/// call for applications, a receipt (with a row to fix), refusals, reminders, the Plan preview,
/// reminders and alert to DSHR, announcements, certificate (§8), §7.14 and §7.15 notices, the
/// result of DSHR's list, the daily summary, the compliance report and the console's sign-in.
///
/// The cycle runs through the bot's own code (the message handler, the desks, the outbox) with a
/// clock that walks from April to December 2026, against the in-memory mail server; what the
/// outbox holds after each step is the mail. Everyone on the roster reads one language, so each
/// run gives every mail in that language. With `CPDBOT_FULL_CYCLE_GALLERY=DIR` it writes
/// `DIR/<lang>/NN-<what>.txt` (headers and the plain-text part) and `.html` (the HTML part):
/// `scripts/mail-gallery` keeps them in docs/mail-gallery/full-cycle/.
///
/// Mailboxes staff1860–staff1869 (nothing leaves the process).
@Suite struct FullCycleGallery {
    /// One mail as its recipient gets it.
    struct Mail {
        var label: String
        var to: [String]
        var cc: [String]
        var subject: String
        var text: String
        var html: String
        var attachments: [String]
        /// Every e-mail address inside the attachments (the Plan's course list, calendar entries).
        var attachedAddresses: Set<String> = []
    }

    @Test(arguments: RosterPerson.Language.allCases)
    func everyMailOfTheCycle(language: RosterPerson.Language) throws {
        let mails = try FullCycleRun(language: language).run()
        let labels = mails.map(\.label)
        for wanted in ["call-for-applications", "receipt", "receipt-late", "refusal-unknown-sender", "refusal-unknown-sender-in-their-language", "refusal-not-a-head",
                       "application-reminder", "dshr-applications-summary", "dshr-plan-reminder", "plan-preview",
                       "service-alert-plan-unconfirmed", "dshr-announcement-reminder", "plan-announcement-with-course",
                       "plan-announcement-without-course", "certificate-and-work-off", "certificate",
                       "expulsion-7.14", "readmission-7.15", "completions-result", "console-sign-in",
                       "compliance-report", "daily-summary", "plan-confirmed", "delivery-failed", "deadline-alert-refused",
                       "plan-confirmed-again"] {
            #expect(labels.contains { $0 == wanted }, "\(language): no \(wanted) in \(labels)")
        }
        for mail in mails {
            // The Plan attached to everyone holds no one's address but the reader's own (and the bot's, as organiser);
            // only DSHR's §6.3 report names people, on purpose.
            let others = mail.attachedAddresses.subtracting(mail.to.map { $0.lowercased() } + [FullCycleRun.bot])
            #expect(others.isEmpty || mail.label == "compliance-report", "\(language) \(mail.label): \(others) in \(mail.attachments)")
            #expect(!mail.text.isEmpty && !mail.html.isEmpty, "\(language) \(mail.label): a text and an HTML part")
            // Every file is named in the reader's language.
            #expect(!mail.attachments.contains { $0.hasPrefix("certificate_") } || language == .en, "\(language) \(mail.label)")
            if language != .en {
                // The reader's language: no English word of the machine's own (names, titles and files are given).
                let words = FullCycleRun.latinWords(in: mail.subject + "\n" + mail.text, language: language)
                #expect(words.isEmpty, "\(language) \(mail.label): \(words)")
            }
        }
        if let folder = ProcessInfo.processInfo.environment["CPDBOT_FULL_CYCLE_GALLERY"] {
            try Self.write(mails, to: URL(fileURLWithPath: folder).appendingPathComponent(language.rawValue))
        }
    }

    static func write(_ mails: [Mail], to directory: URL) throws {
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (index, mail) in mails.enumerated() {
            let base = directory.appendingPathComponent(String(format: "%02d-%@", index + 1, mail.label))
            var head = "To: \(mail.to.joined(separator: ", "))\n"
            if !mail.cc.isEmpty { head += "Cc: \(mail.cc.joined(separator: ", "))\n" }
            head += "Subject: \(mail.subject)\n"
            for file in mail.attachments { head += "Attachment: \(file)\n" }
            try (head + "\n" + mail.text).write(to: base.appendingPathExtension("txt"), atomically: true, encoding: .utf8)
            try mail.html.write(to: base.appendingPathExtension("html"), atomically: true, encoding: .utf8)
        }
    }
}

/// A clock the test moves.
final class SteppedClock: @unchecked Sendable {
    private let lock = NSLock()
    private var date: Date

    init(_ date: Date) { self.date = date }

    var now: Date { lock.withLock { date } }

    /// Sets the clock to `iso` (yyyy-mm-dd) at `hour`:`minute` in Almaty.
    func set(_ iso: String, _ hour: Int = 10, _ minute: Int = 0) {
        var components = DateComponents()
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        (components.year, components.month, components.day) = (parts[0], parts[1], parts[2])
        (components.hour, components.minute) = (hour, minute)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Almaty") ?? .current
        let next = calendar.date(from: components) ?? Date()
        lock.withLock { date = next }
    }
}

/// One cycle, everyone reading `language`.
struct FullCycleRun {
    typealias Person = (email: String, name: String)

    let language: RosterPerson.Language
    static let bot = "staff1860@kazguu.kz"
    static let dshr = "staff1861@kazguu.kz"
    static let unknown = "staff1869@kazguu.kz"
    static func staff(_ n: Int) -> String { "staff\(n)@kazguu.kz" }

    /// Names and units as a university in each language writes them.
    struct People {
        var dshr: String, headLaw: String, headFinance: String
        var law: String, finance: String
        var staff: [Int: String]
        var courses: (teaching: String, communication: String, ghostTitle: String)
    }

    var people: People {
        switch language {
        case .kk:
            return People(dshr: "Нұрланова Гүлнар Асқарқызы", headLaw: "Оспанов Бауыржан Серікұлы",
                          headFinance: "Жұмабаева Дана Ерланқызы", law: "Жоғары құқық мектебі", finance: "Қаржы департаменті",
                          staff: [1864: "Сейтқали Әлібек Қайратұлы", 1865: "Төлеуова Әсел Маратқызы", 1866: "Қасымов Ерлан Болатұлы",
                                  1867: "Бекова Айгерім Нұрланқызы", 1868: "Ахметов Нұржан Серікұлы"],
                          courses: ("Заманауи оқыту әдістері", "Тиімді іскерлік коммуникация", ""))
        case .ru:
            return People(dshr: "Сатпаева Айгерим Маратовна", headLaw: "Иванов Сергей Петрович",
                          headFinance: "Ким Елена Викторовна", law: "Высшая школа права", finance: "Финансовый департамент",
                          staff: [1864: "Петрова Мария Ивановна", 1865: "Смирнов Андрей Олегович", 1866: "Ли Ольга Сергеевна",
                                  1867: "Кузнецов Дмитрий Алексеевич", 1868: "Орлова Наталья Павловна"],
                          courses: ("Современные методы преподавания", "Эффективная деловая коммуникация", ""))
        case .en:
            return People(dshr: "Sarah Collins", headLaw: "David Miller", headFinance: "Dana Levin", law: "Law School",
                          finance: "Finance Department",
                          staff: [1864: "Anna Smith", 1865: "James Brown", 1866: "Emily Clark", 1867: "Michael Green",
                                  1868: "Laura White"],
                          courses: ("Modern teaching methods", "Effective business communication", ""))
        }
    }

    var roster: String {
        let p = people, lang = language.rawValue
        var lines = ["email,full_name,category,unit,role,leadership,lang",
                     "\(Self.dshr),\(p.dshr),ABP,\(p.finance),dshr,no,\(lang)",
                     "\(Self.staff(1862)),\(p.headLaw),PPS,\(p.law),head,yes,\(lang)",
                     "\(Self.staff(1863)),\(p.headFinance),ABP,\(p.finance),head,yes,\(lang)"]
        for n in [1864, 1865, 1866, 1868] { lines.append("\(Self.staff(n)),\(p.staff[n] ?? ""),PPS,\(p.law),staff,no,\(lang)") }
        lines.append("\(Self.staff(1867)),\(p.staff[1867] ?? ""),ABP,\(p.finance),staff,no,\(lang)")
        return lines.joined(separator: "\n") + "\n"
    }

    var planCSV: String {
        let p = people.courses
        var lines = ["course_id,title,competency_group,audience,kind,location,term,hours,start_date,end_date,language,delivery,cost_kzt,participant_email"]
        let c1 = "PK-01,\(p.teaching),teaching_and_upbringing,PPS,qualification,domestic,medium,72,2026-09-14,2026-10-30,ru,offline,120000"
        let c2 = "PK-02,\(p.communication),effective_communications,ABP,qualification,domestic,short,16,2026-10-05,2026-10-09,kk,online,0"
        for n in [1864, 1865, 1866] { lines.append("\(c1),\(Self.staff(n))") }
        // Someone the roster does not know: the preview says so.
        lines.append("\(c1),b.nurmagambetov@kazguu.kz")
        lines.append("\(c2),\(Self.staff(1867))")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static let completionsCSV = """
        course_id,participant_email,status,completion_date,hours,cost_kzt\r
        PK-01,staff1864@kazguu.kz,completed,2026-10-30,,\r
        PK-01,staff1865@kazguu.kz,failed,2026-10-20,,\r
        PK-01,staff1866@kazguu.kz,withdrew_valid_reason,2026-10-01,,\r
        PK-02,staff1867@kazguu.kz,completed,2026-10-09,,\r

        """

    /// What people write to the bot, in the run's language.
    var words: (application: String, applicationBody: String, plan: String, completions: String, confirm: String,
                unknown: String, unknownBody: String, lateBody: String) {
        switch language {
        case .kk:
            return ("Өтінім – \(people.law)", "Сәлеметсіз бе!\nМектептің өтінімін жіберемін.\n", "[ЖОСПАР] 2026-2027",
                    "[ҚОРЫТЫНДЫ] Курстардың қорытындысы", "Растаймын.", "Біліктілікті арттыру туралы",
                    "Сәлеметсіз бе! Мен де курсқа жазылғым келеді. Қалай өтінім беремін?\n", "Кешіріңіз, кешігіп жіберіп отырмын.\n")
        case .ru:
            return ("Заявка – \(people.law)", "Добрый день!\nНаправляю заявку школы.\n", "[ПЛАН] 2026-2027",
                    "[ИТОГИ] Итоги курсов", "Подтверждаю.", "О повышении квалификации",
                    "Здравствуйте! Я тоже хочу записаться на курс. Как подать заявку?\n", "Извините за задержку.\n")
        case .en:
            return ("Application – \(people.law)", "Hello,\nplease find our school's application attached.\n", "[PLAN] 2026-2027",
                    "[COMPLETIONS] Course results", "Confirm.", "Professional development",
                    "Hello, I would also like to take a course. How do I apply?\n", "Sorry it is late.\n")
        }
    }

    /// Appendix 1 as a head fills it in: one row has an address without a domain, to be fixed.
    func applicationCSV(unit: String, staff: [Int]) -> String {
        var csv = "№;Мектеп;Т.А.Ә.;Даярлау бағыты;Білім беру бағдарламасы;Соңғы курс;Курс күні;Сағат саны;Телефон;Электрондық пошта\r\n"
        for (index, n) in staff.enumerated() {
            csv += "\(index + 1);\(unit);\(people.staff[n] ?? "");6B04201;6B04201;;15.03.2024;72;87011234567;\(Self.staff(n))\r\n"
        }
        csv += "\(staff.count + 1);\(unit);\(people.staff[1868] ?? "");6B04201;6B04201;;15.03.2024;72;87011234567;staff1868\r\n"
        return csv
    }

    func run() throws -> [FullCycleGallery.Mail] {
        let clock = SteppedClock(Date())
        let server = InMemoryMailServer(owner: Self.bot)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-full-cycle-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try FileStore(root: folder)
        try store.roster.replace(with: Data(roster.utf8))
        var configuration = MailSandboxConfiguration.plain(store: folder)
        configuration.bot.address = Self.bot
        configuration.imap.user = Self.bot
        configuration.bot.dshr = [Self.dshr]
        configuration.bot.language = .init(rawValue: language.rawValue) ?? .kk
        // One configuration for every language, as a university writes it: the name in each script.
        configuration.signature.contact = "Әлиева Аида Серікқызы"
        configuration.signature.contactRU = "Алиева Аида Сериковна"
        configuration.signature.contactEN = "Aida Aliyeva"
        configuration.signature.phone = "+7 727 307 00 00"
        configuration.signature.room = "214"
        configuration.signature.email = Self.dshr
        // A fixed certificate secret: the verification codes, and so the gallery, stay the same from run to run.
        let secret = folder.appendingPathComponent("certificate-secret")
        try Data((0..<32).map { UInt8($0) }).write(to: secret)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secret.path)
        configuration.certificates.verificationKeyFile = secret.path
        let environment = BotEnvironment(configuration: configuration, store: store,
                                         templatesDirectory: MailSandbox.repository.appendingPathComponent("templates"),
                                         logger: Logger(label: "full-cycle"), now: { clock.now })
        let renderer = try TemplateLibraryRenderer(directory: environment.templatesDirectory,
                                                   signature: MailSignature(configuration.signature))
        let desk = try CycleDesk(environment: environment)
        var seen: Set<String> = []
        var mails: [FullCycleGallery.Mail] = []

        func poll() throws {
            let handler = MessageHandler(environment: environment, renderer: renderer)
            let imap = server.imapSession()
            _ = try MailboxPass(environment: environment, handler: handler).run(imap: imap, shouldStop: { false })
            ServiceAlertDesk(environment: environment, replies: ReplyWriter(environment: environment, renderer: renderer)).lookAndTell()
            var sender = OutboxSender(environment: environment, replies: ReplyWriter(environment: environment, renderer: renderer),
                                      folders: handler.folders)
            sender.inFlightGrace = 0
            _ = try sender.flush(smtp: server.smtpSession(), imap: imap)
        }
        func deliver(_ raw: Data) throws {
            server.deliver(raw, receivedAt: clock.now)
            try poll()
        }
        /// The mails queued since the last call, oldest first, labelled by `label(entry)` (nil: left out).
        func collect(_ label: (OutboxEntry) -> String?) throws {
            let fresh = try store.outbox.all().filter { !seen.contains($0.messageID) }.sorted { ($0.queuedAt, $0.purpose) < ($1.queuedAt, $1.purpose) }
            for entry in fresh {
                seen.insert(entry.messageID)
                guard let name = label(entry) else { continue }
                let parsed = try MessageParser().parse(Array(try store.outbox.raw(messageID: entry.messageID)))
                mails.append(FullCycleGallery.Mail(
                    label: name, to: parsed.to.map(\.address), cc: (parsed.header.first("Cc").map { AddressParser.parseList($0.text) } ?? []).map(\.address),
                    subject: parsed.subject ?? "", text: parsed.readableText(), html: parsed.htmlBody() ?? "",
                    attachments: IncomingFile.files(of: parsed, limits: .default).map(\.filename),
                    attachedAddresses: Self.addresses(in: IncomingFile.files(of: parsed, limits: .default))))
            }
        }
        let p = people, w = words
        let head = (email: Self.staff(1862), name: p.headLaw)

        // §7.3: the call for applications, to each head with Appendix 1 (one is enough to read).
        clock.set("2026-04-15", 9)
        _ = try desk.remind(today: CivilDate(text: "2026-04-15")!)
        try poll()
        var first = true
        try collect { _ in defer { first = false }; return first ? "call-for-applications" : nil }

        // A head applies (one row to fix); someone not on the roster and a member of staff write too.
        clock.set("2026-05-12", 11, 20)
        try deliver(Self.mail(from: head, to: Self.bot, subject: w.application, body: w.applicationBody, id: "app-1", date: clock.now,
                              file: ("otinim.csv", applicationCSV(unit: p.law, staff: [1864, 1865, 1866]))))
        try collect { _ in "receipt" }
        clock.set("2026-05-13", 15, 5)
        try deliver(Self.mail(from: (Self.unknown, ""), to: Self.bot, subject: w.unknown, body: w.unknownBody, id: "unknown-1",
                              date: clock.now, file: nil))
        try collect { _ in "refusal-unknown-sender" }
        // Someone unknown who writes in another language is answered in theirs, whatever the bot's default.
        let other: (subject: String, body: String, greeting: String) = language == .ru
            ? ("Біліктілікті арттыру курсы", "Сәлеметсіз бе! Курсқа қалай жазылуға болады?\n", "Сәлеметсіз бе!")
            : ("Курсы повышения квалификации", "Здравствуйте! Как записаться на курс?\n", "Здравствуйте!")
        clock.set("2026-05-13", 15, 20)
        try deliver(Self.mail(from: (Self.unknown, ""), to: Self.bot, subject: other.subject, body: other.body, id: "unknown-2",
                              date: clock.now, file: nil))
        try collect { _ in "refusal-unknown-sender-in-their-language" }
        #expect(mails.last?.text.hasPrefix(other.greeting) == true, "\(language): \(mails.last?.text ?? "")")
        clock.set("2026-05-14", 9, 40)
        try deliver(Self.mail(from: (Self.staff(1864), p.staff[1864] ?? ""), to: Self.bot, subject: w.application,
                              body: w.applicationBody, id: "staff-1", date: clock.now,
                              file: ("otinim.csv", applicationCSV(unit: p.law, staff: [1864]))))
        try collect { _ in "refusal-not-a-head" }
        // The next morning DSHR's daily summary lists the refused mail.
        clock.set("2026-05-15", 9)
        _ = desk.reportToDSHR(today: CivilDate(text: "2026-05-15")!)
        try poll()
        try collect { _ in "daily-summary" }

        // §7.4: the reminder 14 days before 1 June, to the head who has not applied.
        clock.set("2026-05-18", 9)
        _ = try desk.remind(today: CivilDate(text: "2026-05-18")!)
        try poll()
        try collect { _ in "application-reminder" }

        // 2 June: DSHR learns who has not applied, and the day's summary of refused mail.
        clock.set("2026-06-02", 9)
        _ = try desk.remind(today: CivilDate(text: "2026-06-02")!)
        _ = desk.reportToDSHR(today: CivilDate(text: "2026-06-02")!)
        try poll()
        try collect { $0.purpose.hasPrefix("summary:") ? "daily-summary" : "dshr-applications-summary" }

        // The other head applies late.
        clock.set("2026-06-05", 16, 30)
        try deliver(Self.mail(from: (Self.staff(1863), p.headFinance), to: Self.bot, subject: w.application + " ",
                              body: w.lateBody, id: "app-2", date: clock.now,
                              file: ("otinim.csv", applicationCSV(unit: p.finance, staff: [1867]).components(separatedBy: "\r\n")
                                  .prefix(2).joined(separator: "\r\n") + "\r\n")))
        try collect { _ in "receipt-late" }

        // §7.5: no Plan a week before 1 August.
        clock.set("2026-07-25", 9)
        _ = try desk.remind(today: CivilDate(text: "2026-07-25")!)
        try poll()
        try collect { _ in "dshr-plan-reminder" }

        // The Plan, approved Monday 27 July: the preview; staff get nothing yet.
        clock.set("2026-07-27", 14)
        try deliver(Self.mail(from: (Self.dshr, p.dshr), to: Self.bot, subject: w.plan,
                              body: ["kk": "Бекітілген күні: 27.07.2026\n", "ru": "Утвержден: 27.07.2026\n", "en": "Approved: 27.07.2026\n"][language.rawValue] ?? "",
                              id: "plan-1", date: clock.now, file: ("plan.csv", planCSV)))
        try collect { _ in "plan-preview" }
        let preview = try #require(try store.outbox.all().first { $0.purpose.hasPrefix("plan-preview:") })

        // Still not confirmed three working days before the §7.7 deadline: the service alert;
        // two working days before it, the reminder.
        clock.set("2026-07-29", 9)
        try poll()
        try collect { _ in "service-alert-plan-unconfirmed" }
        clock.set("2026-07-30", 9)
        _ = try desk.remind(today: CivilDate(text: "2026-07-30")!)
        try poll()
        try collect { _ in "dshr-announcement-reminder" }

        // DSHR confirms by replying: one announcement per person. One mailbox is full for now:
        // the server refuses that announcement for good.
        let refused = Self.staff(1866)
        server.refusedRecipients = [refused]
        clock.set("2026-07-30", 10, 15)
        try deliver(Self.reply(from: (Self.dshr, p.dshr), to: Self.bot, id: "confirm-1", inReplyTo: "<\(preview.messageID)>",
                               subject: preview.subject ?? "", body: w.confirm + "\n", date: clock.now))
        try collect { entry in
            switch entry.recipients.first {
            case Self.staff(1864): "plan-announcement-with-course"
            case Self.staff(1868): "plan-announcement-without-course"
            case Self.dshr: entry.purpose.hasPrefix("announce:") ? nil
                : entry.purpose.hasPrefix("report-undeliverable:") ? "delivery-failed" : "plan-confirmed"
            default: nil
            }
        }

        // The working day before the §7.7 deadline (Friday 31 July; Monday 3 August): one
        // announcement was refused, so DSHR is alerted in the preview's thread.
        clock.set("2026-07-31", 9)
        _ = desk.reportToDSHR(today: CivilDate(text: "2026-07-31")!)
        try poll()
        try collect { $0.purpose.hasPrefix(DeadlineAlert.purposePrefix) ? "deadline-alert-refused" : nil }
        let alert = try #require(try store.outbox.all().first { $0.purpose.hasPrefix(DeadlineAlert.purposePrefix) })

        // The mailbox has room again: DSHR replies "confirm" to the alert, and the refused
        // announcement goes out once more – to that person only.
        server.refusedRecipients = []
        let othersBefore = server.submitted.count { !$0.recipients.contains(refused) }
        clock.set("2026-07-31", 11)
        try deliver(Self.reply(from: (Self.dshr, p.dshr), to: Self.bot, id: "confirm-2", inReplyTo: "<\(alert.messageID)>",
                               references: ["<\(preview.messageID)>", "<\(alert.messageID)>"],
                               subject: alert.subject ?? "", body: w.confirm + "\n", date: clock.now))
        try collect { entry in entry.recipients.first == Self.dshr && !entry.purpose.hasPrefix("announce:") ? "plan-confirmed-again" : nil }
        #expect(server.delivered(to: refused).count == 1, "\(language): the refused announcement is sent again, once")
        // Besides it, only the bot's answer to DSHR (and its own copy of it) went out.
        #expect(server.submitted.count { !$0.recipients.contains(refused) } == othersBefore + 1,
                "\(language): nobody else gets the Plan twice")

        // The delivery-failed notice is in the preview's thread as well: DSHR's "confirm" in reply to
        // the notice itself is understood (nothing is left to send now: only the bot's answer goes out).
        let notice = try #require(try store.outbox.all().first { $0.purpose.hasPrefix("report-undeliverable:") })
        let noticeMail = try MessageParser().parse(Array(try store.outbox.raw(messageID: notice.messageID)))
        #expect(noticeMail.inReplyTo.map { $0.trimmingCharacters(in: ["<", ">"]) } == [preview.messageID],
                "\(language): the delivery-failed notice answers the Plan preview")
        let answersBefore = try store.outbox.all().count { $0.purpose.hasPrefix("plan-confirmed:") }
        clock.set("2026-07-31", 12)
        // A mail client's reply: In-Reply-To the notice, References the notice's own and its Message-ID.
        try deliver(Self.reply(from: (Self.dshr, p.dshr), to: Self.bot, id: "confirm-3", inReplyTo: "<\(notice.messageID)>",
                               references: noticeMail.references.map { "<\($0.trimmingCharacters(in: ["<", ">"]))>" } + ["<\(notice.messageID)>"],
                               subject: notice.subject ?? "", body: w.confirm + "\n", date: clock.now))
        try collect { _ in nil }
        #expect(try store.outbox.all().count { $0.purpose.hasPrefix("plan-confirmed:") } == answersBefore + 1,
                "\(language): a confirmation in reply to the delivery-failed notice is answered")
        #expect(server.delivered(to: refused).count == 1, "\(language): still once")

        // A server may take a message and return it later (Microsoft 365 does): a delivery status
        // notification for one person's announcement. DSHR hears of it in the preview's thread, and
        // the next "confirm" sends that announcement once more – to that person only.
        let returned = Self.staff(1868)
        let announcement = try #require(try store.outbox.all().first { $0.purpose.hasSuffix(":" + returned) && $0.purpose.hasPrefix("announce:") })
        let beforeReturn = server.delivered(to: returned).count
        clock.set("2026-07-31", 13)
        // The server's own words in the university's language (Exchange writes them so).
        let returnSubject = ["kk": "Хабар жеткізілмеді", "ru": "Недоставленное сообщение", "en": "Undeliverable"][language.rawValue] ?? ""
        try deliver(Self.returnedMail(messageID: announcement.messageID, recipient: returned, subject: returnSubject, date: clock.now))
        try collect { $0.purpose.hasPrefix("report:") ? "announcement-returned" : nil }
        let returnNotice = try #require(try store.outbox.all().filter { $0.purpose.hasPrefix("report:") }
            .max { $0.queuedAt < $1.queuedAt })
        let returnNoticeMail = try MessageParser().parse(Array(try store.outbox.raw(messageID: returnNotice.messageID)))
        #expect(returnNoticeMail.inReplyTo.map { $0.trimmingCharacters(in: ["<", ">"]) } == [preview.messageID],
                "\(language): the notice of a returned announcement answers the Plan preview")
        #expect(returnNoticeMail.readableText().lowercased().contains(w.confirm.lowercased().trimmingCharacters(in: .punctuationCharacters)),
                "\(language): the notice says how to send it again")
        try deliver(Self.reply(from: (Self.dshr, p.dshr), to: Self.bot, id: "confirm-4", inReplyTo: "<\(returnNotice.messageID)>",
                               references: ["<\(preview.messageID)>", "<\(returnNotice.messageID)>"],
                               subject: returnNotice.subject ?? "", body: w.confirm + "\n", date: clock.now))
        try collect { _ in nil }
        #expect(server.delivered(to: returned).count == beforeReturn + 1, "\(language): the returned announcement is sent again, once")
        #expect(server.delivered(to: refused).count == 1, "\(language): the other one is not sent a third time")

        // The results after the courses: certificates (§8 for a paid course), §7.14, §7.15, and DSHR's summary.
        clock.set("2026-11-05", 11)
        try deliver(Self.mail(from: (Self.dshr, p.dshr), to: Self.bot, subject: w.completions, body: "\n", id: "completions-1",
                              date: clock.now, file: ("completions.csv", Self.completionsCSV)))
        try collect { entry in
            switch entry.purpose.split(separator: ":").first {
            case "certificate": entry.purpose.hasSuffix(Self.staff(1864)) ? "certificate-and-work-off" : "certificate"
            case "expulsion": "expulsion-7.14"
            case "readmission": "readmission-7.15"
            default: "completions-result"
            }
        }

        // DSHR asks for the console's sign-in link.
        clock.set("2026-11-05", 11, 30)
        let dshrPerson = try #require(try store.roster.load().person(address: Self.dshr))
        try ConsoleSignInMail(environment: environment).queue(to: dshrPerson, link: "https://hr.kazguu.kz/console/sign-in/Zq3xY8",
                                                              validMinutes: 15, key: "gallery")
        try poll()
        try collect { _ in "console-sign-in" }

        // 1 December, the month's first working day: the §6.3 compliance report and the day's summary.
        clock.set("2026-12-01", 9)
        _ = try desk.remind(today: CivilDate(text: "2026-12-01")!)
        _ = desk.reportToDSHR(today: CivilDate(text: "2026-12-01")!)
        try poll()
        try collect { $0.purpose.hasPrefix("compliance:") ? "compliance-report" : $0.purpose.hasPrefix("summary:") ? "daily-summary-december" : "other" }
        return mails
    }

    static func mail(from: Person, to: String, subject: String, body: String, id: String, date: Date,
                     file: (name: String, csv: String)?) -> Data {
        let boundary = "gallery-\(id)"
        let fromLine = from.name.isEmpty ? "<\(from.email)>" : "\(DSHRMail.encoded(from.name)) <\(from.email)>"
        var text = """
            From: \(fromLine)
            To: <\(to)>
            Subject: \(DSHRMail.encoded(subject))
            Date: \(DSHRMail.rfc5322(date))
            Message-ID: <\(id)@gallery.kazguu.kz>
            MIME-Version: 1.0

            """
        if let file {
            text += """
                Content-Type: multipart/mixed; boundary="\(boundary)"

                --\(boundary)
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: base64

                \(Data(body.utf8).base64EncodedString())
                --\(boundary)
                Content-Type: text/csv; charset=utf-8; name="\(file.name)"
                Content-Disposition: attachment; filename="\(file.name)"
                Content-Transfer-Encoding: base64

                \(Data(file.csv.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed]))
                --\(boundary)--

                """
        } else {
            text += """
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: base64

                \(Data(body.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed]))

                """
        }
        return Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    /// A delivery status notification (RFC 3464) from the university's server: `messageID` to
    /// `recipient` came back undelivered.
    static func returnedMail(messageID: String, recipient: String, subject: String, date: Date) -> Data {
        let text = """
            From: Mail Delivery System <MAILER-DAEMON@kazguu.kz>
            To: <\(bot)>
            Subject: \(DSHRMail.encoded(subject))
            Date: \(DSHRMail.rfc5322(date))
            Message-ID: <dsn-\(messageID)>
            Auto-Submitted: auto-replied
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"

            --dsn
            Content-Type: text/plain; charset=us-ascii

            Your message could not be delivered: the mailbox is full.
            --dsn
            Content-Type: message/delivery-status

            Reporting-MTA: dns; kazguu.kz

            Final-Recipient: rfc822; \(recipient)
            Action: failed
            Status: 5.2.2
            --dsn
            Content-Type: text/rfc822-headers

            From: <\(bot)>
            To: <\(recipient)>
            Message-ID: <\(messageID)>
            --dsn--

            """
        return Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    static func reply(from: Person, to: String, id: String, inReplyTo: String, references: [String]? = nil, subject: String,
                      body: String, date: Date) -> Data {
        let text = """
            From: \(DSHRMail.encoded(from.name)) <\(from.email)>
            To: <\(to)>
            Subject: \(DSHRMail.encoded("Re: " + subject))
            Date: \(DSHRMail.rfc5322(date))
            Message-ID: <\(id)@gallery.kazguu.kz>
            In-Reply-To: \(inReplyTo)
            References: \((references ?? [inReplyTo]).joined(separator: " "))
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: base64

            \(Data(body.utf8).base64EncodedString())

            """
        return Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    /// The e-mail addresses inside attached workbooks (their cells) and calendar files (their lines
    /// unfolded).
    static func addresses(in files: [IncomingFile]) -> Set<String> {
        var found: Set<String> = []
        for file in files {
            guard let bytes = file.bytes else { continue }
            var texts: [String] = []
            if let document = try? DocumentReader.read(bytes: bytes, fileName: file.filename), file.filename.hasSuffix(".xlsx") {
                texts = document.tables.flatMap(\.rows).flatMap(\.cells).compactMap { cell in
                    if case let .text(text) = cell.value { return text } else { return nil }
                }
            } else if file.filename.hasSuffix(".ics") {
                // An entry's UID looks like an address and is none.
                texts = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
                    .components(separatedBy: "\r\n").filter { !$0.hasPrefix("UID:") }
            }
            for text in texts {
                let regex = try? NSRegularExpression(pattern: #"[\w.+-]+@[\w-]+(\.[\w-]+)+"#)
                let range = NSRange(text.startIndex..., in: text)
                for match in regex?.matches(in: text, range: range) ?? [] {
                    if let r = Range(match.range, in: text) { found.insert(text[r].lowercased()) }
                }
            }
        }
        return found
    }

    /// Latin words in a kk or ru mail that are neither allowed (MailWordingTests.allowed) nor given:
    /// addresses, files, links, and the names, units and titles of this run.
    static func latinWords(in text: String, language: RosterPerson.Language) -> [String] {
        // The administrator's line keeps the commands and the server's words.
        let label = MailWordingTests.technicalLabel[language] ?? "\u{0}"
        var rest = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix(label) }.joined(separator: "\n")
        // A reply's "Re:" as every client writes it, and a certificate's verification code.
        rest = rest.replacingOccurrences(of: #"\bRe:"#, with: " ", options: .regularExpression)
        rest = rest.replacingOccurrences(of: #"\b[A-Z0-9]{4}-[A-Z0-9]{4}\b"#, with: " ", options: .regularExpression)
        rest = rest.replacingOccurrences(of: #"https://\S+"#, with: " ", options: .regularExpression)
        rest = rest.replacingOccurrences(of: #"[\w.+-]+@[\w.-]+"#, with: " ", options: .regularExpression)
        rest = rest.replacingOccurrences(of: #"[\w.-]+\.(xlsx|xls|ods|docx|csv|pdf|ics)"#, with: " ", options: .regularExpression)
        // DSHR's own course codes, as the Plan gives them.
        rest = rest.replacingOccurrences(of: #"\bPK-\d+"#, with: " ", options: .regularExpression)
        for code in MailWordingTests.bracketCodes { rest = rest.replacingOccurrences(of: "(\(code))", with: " ") }
        return rest.components(separatedBy: CharacterSet.letters.inverted)
            .filter { word in word.unicodeScalars.contains { ("A"..."Z").contains($0) || ("a"..."z").contains($0) } }
            .filter { !MailWordingTests.allowed.contains($0) }
    }
}
