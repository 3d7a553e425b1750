import Config
import Foundation
@testable import Intake
import Logging
import MIME
import Regulation
import Store
import Testing
import Wording
import Documents
@testable import Bot

/// The cycle in the real sandbox: [PLAN] from DSHR → preview (nothing to staff) → DSHR confirms
/// by replying → each person on the roster gets exactly one announcement in their language →
/// [COMPLETIONS] → certificate, §7.14 and §7.15 notices → the same list again sends nothing new.
/// 200 people on the roster. Mailboxes staff1199 (the bot) and staff1200–staff1399 only: other
/// suites use others.
@Suite(.serialized, .enabled(if: MailSandbox.isAvailable, "mail sandbox not running (scripts/mail-sandbox up)"))
struct CycleEndToEndTests {
    static let bot = "staff1199@kazguu.kz"
    static let dshr = "staff1200@kazguu.kz"
    static func staff(_ n: Int) -> String { "staff\(n)@kazguu.kz" }
    static let languages = ["kk", "ru", "en"]

    static let lastStaff = 1399

    /// dshr 1200 (ru); heads 1201 (kk, PPS, leadership) and 1202 (en, ABP); staff 1203–1399,
    /// ABP in Finance for 1213–1220 and every tenth after, PPS in Law otherwise; languages in turn.
    static var people: [(email: String, line: String, lang: String)] {
        var rows = [(dshr, "\(dshr),Айгерим Сатпаева,ABP,HR,dshr,no,ru", "ru"),
                    (staff(1201), "\(staff(1201)),Бауыржан Оспанов,PPS,Law School,head,yes,kk", "kk"),
                    (staff(1202), "\(staff(1202)),Dana Levin,ABP,Finance,head,yes,en", "en")]
        for n in 1203...lastStaff {
            let lang = languages[n % 3]
            let abp = (1213...1220).contains(n) || (n > 1220 && n % 10 == 0)
            let category = abp ? "ABP" : "PPS"
            let unit = abp ? "Finance" : "Law School"
            rows.append((staff(n), "\(staff(n)),Қызметкер \(n),\(category),\(unit),staff,no,\(lang)", lang))
        }
        return rows
    }

    static let planCSV: String = {
        var lines = ["course_id,title,competency_group,audience,kind,location,term,hours,start_date,end_date,language,delivery,cost_kzt,participant_email"]
        let c1 = "E2E-01,Modern teaching methods,professional_knowledge_and_research,PPS,qualification,domestic,medium,72,2026-09-14,2026-10-30,ru,offline,120000"
        let c2 = "E2E-02,Effective communication,effective_communications,ABP,qualification,domestic,short,16,2026-10-05,2026-10-09,kk,online,0"
        let c3 = "E2E-03,Leadership abroad,leadership,ABP,management,abroad,medium,60,2026-11-02,2027-01-29,en,blended,500000"
        for n in 1203...1208 { lines.append("\(c1),\(staff(n))") }
        lines.append("\(c1),ghost.e2e@kazguu.kz")
        for n in 1213...1216 { lines.append("\(c2),\(staff(n))") }
        lines.append("\(c2),\(staff(1209))")
        lines.append("\(c3),\(staff(1202))")
        return lines.joined(separator: "\r\n") + "\r\n"
    }()

    static let completionsCSV = """
        course_id,participant_email,status,completion_date,hours,cost_kzt\r
        E2E-01,\(staff(1203)),completed,2026-10-30,,\r
        E2E-01,\(staff(1204)),failed,2026-10-20,,\r
        E2E-01,\(staff(1205)),withdrew_valid_reason,2026-10-01,,\r
        E2E-02,\(staff(1213)),completed,2026-10-09,,\r
        E2E-02,\(staff(1209)),completed,2026-10-09,16,59000\r
        E2E-02,\(staff(1203)),completed,2026-10-09,,\r

        """

    @Test func planPreviewConfirmAnnounceAndCompletions() throws {
        let sandbox = try MailSandbox()
        let everyone = Self.people
        try sandbox.reset([Self.bot] + everyone.map(\.email))
        let rosterFile = FileManager.default.temporaryDirectory.appendingPathComponent("cycle-roster-\(UUID().uuidString).csv")
        try Data(("email,full_name,category,unit,role,leadership,lang\n" + everyone.map(\.line).joined(separator: "\n") + "\n").utf8)
            .write(to: rosterFile)
        let store = try TemporaryStore(roster: rosterFile)
        var configuration = sandbox.configuration(botUser: Self.bot, store: store.url)
        configuration.bot.dshr = [Self.dshr]
        let environment = BotEnvironment(
            configuration: configuration, store: store.fileStore,
            templatesDirectory: MailSandbox.repository.appendingPathComponent("templates"), logger: Logger(label: "cycle-test"))
        let runner = try BotRunner(environment: environment)
        defer { runner.disconnect() }
        let messages = Messages(sandbox: sandbox)
        let unique = UUID().uuidString.prefix(8)

        // 1. [PLAN] → a preview to DSHR, in Russian, threaded; nothing to staff.
        let planID = "plan-\(unique)@dshr.kazguu.kz"
        try deliver(DSHRMail.command(tag: "[ПЛАН] 2026-2027", from: Self.dshr, to: Self.bot, id: planID,
                                     body: "Добрый день!\nУтвержден: 03.07.2026\n", fileName: "plan-e2e.csv", csv: Self.planCSV),
                    sandbox: sandbox)
        try drain(runner, store: store.fileStore)
        try sandbox.waitUntil(seconds: 30) { try messages.replies(to: planID, of: Self.dshr).count == 1 }
        let previews = try messages.replies(to: planID, of: Self.dshr)
        try #require(previews.count == 1, "one preview to DSHR")
        let preview = previews[0]
        #expect(MailSandbox.header("Content-Language", in: preview.raw) == "ru")
        #expect(preview.text.contains("13\u{00A0}июля 2026\u{00A0}г."), "the §7.7 deadline: approved Fri 3 Jul 2026 → Mon 13 Jul")
        #expect(preview.text.contains("Курсов: 3"))
        #expect(preview.text.contains("ghost.e2e@kazguu.kz"))
        #expect(preview.text.contains("за рубежом"), "the abroad-medium problem is worded")
        #expect(preview.text.contains(Self.staff(1209)), "the category mismatch is listed")
        for person in everyone where person.email != Self.dshr {
            #expect(try sandbox.messages(of: person.email).isEmpty, "\(person.email) must get nothing before confirmation")
        }
        let previewID = try #require(MailSandbox.header("Message-ID", in: preview.raw))

        // 2. DSHR confirms by replying (the preview quoted below) → one announcement per person.
        let confirmID = "confirm-\(unique)@dshr.kazguu.kz"
        try deliver(DSHRMail.reply(from: Self.dshr, to: Self.bot, id: confirmID, inReplyTo: previewID,
                                   subject: "Проверка Плана", body: "Подтверждаю.\n\n> Чтобы разослать План, ответьте «подтверждаю».\n"),
                    sandbox: sandbox)
        try drain(runner, store: store.fileStore)
        let plan = try #require(try PlanStore(store: store.fileStore).plans(cycle: "2026-2027").first)
        #expect(plan.state == .announced)
        #expect(plan.confirmedBy == Self.dshr)
        #expect(everyone.count == 200)
        try sandbox.waitUntil(seconds: 120) {
            try everyone.allSatisfy { try !messages.announcements(of: $0.email).isEmpty }
        }
        for person in everyone {
            let announcements = try messages.announcements(of: person.email)
            #expect(announcements.count == 1, "\(person.email): \(announcements.count) announcements")
            guard let announcement = announcements.first else { continue }
            #expect(MailSandbox.header("Content-Language", in: announcement.raw) == person.lang, "\(person.email)")
            // The course list in the reader's language, with no one's address in it.
            let files = IncomingFile.files(of: try MessageParser().parse(Array(announcement.raw)), limits: .default)
            let names = ["kk": "Курстар_жоспары_2026-2027.xlsx", "ru": "План_курсов_2026-2027.xlsx", "en": "Plan_of_courses_2026-2027.xlsx"]
            // The course list, and (for someone with a course) the calendar, both named in the reader's language.
            let base = (names[person.lang] ?? "").replacingOccurrences(of: ".xlsx", with: "")
            #expect(files.map(\.filename).filter { $0.hasSuffix(".xlsx") } == [base + ".xlsx"], "\(person.email)")
            #expect(files.map(\.filename).allSatisfy { $0 == base + ".xlsx" || $0 == base + ".ics" }, "\(person.email)")
            if person.email == Self.staff(1203), let bytes = files.first(where: { $0.filename.hasSuffix(".xlsx") })?.bytes {
                let cells = try DocumentReader.read(bytes: bytes, fileName: "plan.xlsx").tables.flatMap(\.rows).flatMap(\.cells)
                #expect(!cells.contains { if case let .text(text) = $0.value { text.contains("@") } else { false } })
            }
        }
        #expect(try messages.announcements(of: Self.staff(1203)).first?.text.contains("E2E-01") == true)
        // Issue 16: each person in a course has one calendar with exactly their courses; 1203 has E2E-01 only.
        let calendars = try [1203, 1213, 1209].map { n in
            try PlanCalendarTests.calendarParts(try #require(try messages.announcements(of: Self.staff(n)).first).raw)
        }
        #expect(calendars.allSatisfy { $0.count == 1 })
        let parsed = try ICalendarParser.parse(calendars.compactMap { $0.first?.1 })
        #expect(parsed.map { $0.events.map(\.start) } == [["2026-09-14"], ["2026-10-05"], ["2026-10-05"]])
        #expect(try PlanCalendarTests.calendarParts(try #require(try messages.announcements(of: Self.staff(1220)).first).raw).isEmpty)
        #expect(try messages.announcements(of: Self.staff(1220)).first?.text.contains("E2E-0") == false,
                "someone in no course sees no course")

        // 3. [COMPLETIONS] → certificates, §7.14 (copy to DSHR) and §7.15 notices.
        let completionsID = "completions-\(unique)@dshr.kazguu.kz"
        try deliver(DSHRMail.command(tag: "[ИТОГИ]", from: Self.dshr, to: Self.bot, id: completionsID,
                                     body: "Итоги курсов.\n", fileName: "itogi.csv", csv: Self.completionsCSV), sandbox: sandbox)
        try drain(runner, store: store.fileStore)
        let watched = [1203, 1204, 1205, 1209, 1213].map(Self.staff)
        try sandbox.waitUntil(seconds: 30) {
            try watched.allSatisfy { try !messages.results(of: $0).isEmpty }
                && messages.replies(to: completionsID, of: Self.dshr).count == 1
        }
        let certificate = try #require(try messages.results(of: Self.staff(1203)).first { $0.text.contains("E2E-01") })
        #expect(certificate.text.contains("CPD-2026-0000"), "a certificate number in the policy's format")
        // Issue 16: the certificate itself, as it arrived through Postfix and Dovecot.
        let pdfs = try CertificateMailTests.pdfs(in: certificate.raw)
        try #require(pdfs.count == 1, "one certificate PDF")
        let issued = try #require(try store.fileStore.certificates.all().first { $0.participantEmail == Self.staff(1203) && $0.courseID == "E2E-01" })
        let pdfText = try CertificateChecks.text(ofPDF: pdfs[0])
        for wanted in ["Қызметкер 1203", "Modern teaching methods", "72", issued.number] {
            #expect(pdfText.contains(wanted), "'\(wanted)' in the certificate")
        }
        #expect(try CertificateChecks.qrText(ofPDF: pdfs[0]) == "https://hr.kazguu.kz/verify/" + issued.number)
        let code = try CertificateMaker(environment: environment).code(for: issued.number)
        #expect(try CertificateDesk(environment: environment).verify(number: issued.number, code: code) == .valid(issued))
        func date(_ n: Int, _ year: Int, _ month: Int, _ day: Int) -> String {
            let language = WordingLanguage(rawValue: Self.people.first { $0.email == Self.staff(n) }?.lang ?? "kk") ?? .kk
            return LongDate.text(year: year, month: month, day: day, language: language)
        }
        #expect(certificate.text.contains(date(1203, 2027, 10, 30)), "§8: 120 000 KZT → 12 months from 30.10.2026")
        #expect(try messages.results(of: Self.staff(1203)).count == 1, "1203 is not in E2E-02: that row is refused")
        let paid = try #require(try messages.results(of: Self.staff(1209)).first)
        #expect(paid.text.contains(date(1209, 2027, 1, 9)), "an actual cost of 59 000 KZT overrides the Plan's 0: 3 months")
        let firstSummary = try #require(try messages.replies(to: completionsID, of: Self.dshr).first)
        #expect(firstSummary.text.contains("E2E-02") && firstSummary.text.contains(Self.staff(1203)),
                "the row for a person not in the course is reported to DSHR")
        let expulsion = try #require(try messages.results(of: Self.staff(1204)).first)
        #expect(expulsion.text.contains("120") && expulsion.text.contains("7.14"))
        #expect(MailSandbox.header("Cc", in: expulsion.raw)?.contains(Self.dshr) == true, "§7.14 notice copied to DSHR")
        let readmission = try #require(try messages.results(of: Self.staff(1205)).first)
        #expect(readmission.text.contains("7.15"))
        let free = try #require(try messages.results(of: Self.staff(1213)).first)
        #expect(!free.text.contains("§8") && !free.text.contains("8-бөлім") && !free.text.contains("разделу 8"),
                "a free course has no work-off period")
        let ledger = try TrainingLedger.load(from: store.fileStore)
        #expect(ledger.certificates.entries.count == 3)
        #expect(ledger.history.count == 3)
        #expect(Set(ledger.certificates.entries.map(\.number)).count == 3, "numbers are unique")

        // 4. The same list again: nothing new for anyone, DSHR hears that nothing was new.
        let before = try Dictionary(uniqueKeysWithValues: everyone.map { ($0.email, try sandbox.messages(of: $0.email).count) })
        let againID = "completions-again-\(unique)@dshr.kazguu.kz"
        try deliver(DSHRMail.command(tag: "[COMPLETIONS]", from: Self.dshr, to: Self.bot, id: againID,
                                     body: "Again.\n", fileName: "itogi.csv", csv: Self.completionsCSV), sandbox: sandbox)
        try drain(runner, store: store.fileStore)
        try sandbox.waitUntil(seconds: 30) { try messages.replies(to: againID, of: Self.dshr).count == 1 }
        Thread.sleep(forTimeInterval: 2)
        for person in everyone where person.email != Self.dshr {
            #expect(try sandbox.messages(of: person.email).count == before[person.email], "\(person.email) got something new")
        }
        #expect(try TrainingLedger.load(from: store.fileStore).certificates.entries.count == 3, "no second number")
        let summary = try #require(try messages.replies(to: againID, of: Self.dshr).first)
        #expect(summary.text.contains("повторных уведомлений никто не получил"))
    }

    private func deliver(_ raw: Data, sandbox: MailSandbox) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cycle-\(UUID().uuidString).eml")
        try raw.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        try sandbox.deliver([url], to: Self.bot)
    }

    /// Polls until the outbox has nothing left to send (the bot's own copies filed on the way).
    private func drain(_ runner: BotRunner, store: FileStore) throws {
        for _ in 0..<20 {
            _ = try runner.poll()
            if try store.outbox.pending(now: Date().addingTimeInterval(3600)).isEmpty { return }
        }
    }
}

/// Reading what arrived in the sandbox's mailboxes.
struct Messages {
    struct Received {
        var raw: Data
        var text: String
    }

    let sandbox: MailSandbox

    func all(of user: String) throws -> [Received] {
        try sandbox.messages(of: user).map { raw in
            let text = (try? MessageParser().parse([UInt8](raw)).readableText()) ?? ""
            return Received(raw: raw, text: text)
        }
    }

    func replies(to messageID: String, of user: String) throws -> [Received] {
        try all(of: user).filter { MailSandbox.header("In-Reply-To", in: $0.raw) == "<\(messageID)>" }
    }

    func announcements(of user: String) throws -> [Received] {
        let id = MessageComposer.messageID(key: "announce:2026-2027:\(user)", domain: "kazguu.kz")
        return try all(of: user).filter { MailSandbox.header("Message-ID", in: $0.raw) == id }
    }

    /// Course result notices addressed to `user` (certificate, expulsion, readmission).
    func results(of user: String) throws -> [Received] {
        let ids = Set(["E2E-01", "E2E-02", "E2E-03"].flatMap { course in
            ["certificate", "expulsion", "readmission"].map {
                MessageComposer.messageID(key: "\($0):\(course):\(user)", domain: "kazguu.kz")
            }
        })
        return try all(of: user).filter { MailSandbox.header("Message-ID", in: $0.raw).map(ids.contains) == true }
    }
}
