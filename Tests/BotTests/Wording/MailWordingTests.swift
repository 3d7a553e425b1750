import Config
import Documents
import Foundation
@testable import Intake
import MIME
import Regulation
import Staff
import Store
import Testing
import Wording
@testable import Bot

/// Issue 14: what a Kazakh or Russian reader gets has no English word or machine code in it,
/// the Regulation's terms, and no one else's data in the Plan sent to all staff.
@Suite struct MailWordingTests {
    static let library = TemplateLibrary(
        directory: ReplySamples.templates,
        signature: MailSignature(contact: "Әлиева Аида Серікқызы", phone: "+7 727 307 00 00", room: "214", email: "dshr@kazguu.kz"))

    /// Latin words a kk or ru mail may hold: names of things that are written so (formats,
    /// programs, the university's own abbreviations, IMAP folders the reader sees in the mailbox).
    static let allowed: Set<String> = [
        "DSHR", "HR", "LMS", "Canvas", "Excel", "LibreOffice", "OpenDocument", "Word", "PDF", "CSV", "UTF",
        "xlsx", "xls", "ods", "docx", "csv", "DMARC", "Rejected", "Reported", "Ignored", "Processed",
        "PLAN", "COMPLETIONS", "ROSTER", "Otinim", "From", "CPD", "T",
        // The login alert to DSHR and the administrators names the provider's services.
        "OAuth", "Microsoft", "Google", "Workspace",
        // The codes the roster's cells take, which DSHR types into the file.
        "PPS", "ABP", "staff", "head", "dshr", "yes", "no", "kk", "ru", "en",
    ]

    /// Codes a kk or ru mail may name only in brackets after their name in the reader's words,
    /// for the reader to find them: roster.csv's header (as RosterReader writes it), the header
    /// field that identifies a message.
    static let bracketCodes: Set<String> = Set(RosterReader.columns + RosterReader.optionalColumns + ["Message-ID"])

    /// Values the code fills in that are machine words (error texts, header codes, configuration
    /// keys): not given by a person, so whatever of them reaches a kk or ru mail must be worded.
    static let machineKeys: Set<String> = ["code", "column", "detail", "limit_key", "refusal_detail"]

    /// Values for the bot's administrator only (an error's own words, a server's answers, a
    /// command, a path or a configuration key): they may stand as they are, but only on the line
    /// labelled for the administrator.
    static let technicalKeys: Set<String> = [
        "for_it", "reason", "status_command", "outbox_command", "server_replies", "store_path", "store_key", "calendar_file",
        "pace_keys",
    ]
    static let technicalLabel: [RosterPerson.Language: String] = [
        .kk: "Бот әкімшісі үшін (техникалық мәтін):", .ru: "Для администратора бота (технический текст):",
        .en: "For the bot's administrator (technical text):",
    ]

    /// Every template with every sample context (replies, cycle, summaries).
    static func samples(_ language: RosterPerson.Language) throws -> [(String, [String: Any])] {
        let strings = try library.strings(language)
        return ReplySamples.contexts(strings) + CycleTemplatesTests.contexts.map { ($0.0, $0.2) }
            + SummaryTemplatesTests.contexts.map { ($0.0, $0.2) } + loginAlerts + ServiceAlertsTests.sampleContexts
            + [("console_sign_in", consoleSignIn)]
    }

    /// The console's sign-in link: the one mail with a link in it (`signInLink`).
    static let signInLink = "https://hr.kazguu.kz/console/sign-in?token=Zq3xY8pW2mN7"
    static var consoleSignIn: [String: Any] {
        let person = RosterPerson(email: "dshr@kazguu.kz", fullName: "Нұрланова Гүлнар Асқарқызы", category: .abp, unit: "DSHR",
                                  role: .dshr, leadership: false, language: .kk)
        return ["name": person, "link": signInLink, "valid_minutes": 15,
                "requested_at": MailTimestamp(Date(timeIntervalSince1970: 1_800_000_000), in: TimeZone(identifier: "Asia/Almaty")!)]
    }

    /// The alert that the bot cannot log in, with an application's secret and with a password.
    static var loginAlerts: [(String, [String: Any])] {
        let since = Date(timeIntervalSince1970: 1_800_000_000)  // 15 January 2027, 13:00 in Almaty
        let password = LoginAlert.values(since: since, reason: "LOGIN failed: authentication failed", configuration: CPDBotConfiguration())
        var oauth = LoginAlert.values(since: since, reason: "the token endpoint refused client c: invalid_client",
                                      configuration: CPDBotConfiguration())
        oauth["uses_oauth2"] = true
        return [("login_alert", password), ("login_alert", oauth)]
    }

    /// Every string a context carries (names, titles, files, subjects from senders): they are
    /// shown as given, whatever their script – but not the machine's own words (`machineKeys`,
    /// `technicalKeys`).
    static func givenValues(_ value: Any) -> [String] {
        switch value {
        case let text as String: return [text]
        case let dictionary as [String: Any]:
            return dictionary.filter { !machineKeys.contains($0.key) && !technicalKeys.contains($0.key) }.values.flatMap(givenValues)
        case let array as [Any]: return array.flatMap(givenValues)
        case let issue as RowIssue: return [issue.value].compactMap { $0 }
        case let issue as RosterIssue: return [issue.value].compactMap { $0 }
        case let person as RosterPerson: return [person.fullName, person.email, person.unit]
        default: return []
        }
    }

    static func latinWords(in text: String, context: [String: Any], language: RosterPerson.Language) -> [String] {
        // The administrator's line keeps the error's own words.
        let label = technicalLabel[language] ?? "\u{0}"
        var rest = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix(label) }.joined(separator: "\n")
        let given = givenValues(context)
        for value in given.sorted(by: { $0.count > $1.count }) where value.count > 1 {
            rest = rest.replacingOccurrences(of: value, with: " ")
        }
        // Words of the given values stay as given, wherever the greeting puts them.
        let givenWords = Set(given.flatMap { $0.components(separatedBy: CharacterSet.letters.inverted) })
        rest = rest.replacingOccurrences(of: #"[\w.+-]+@[\w.-]+"#, with: " ", options: .regularExpression)
        rest = rest.replacingOccurrences(of: #"[\w-]+\.(xlsx|xls|ods|docx|csv)"#, with: " ", options: .regularExpression)
        // A configuration key, named for the administrator who would change the limit.
        rest = rest.replacingOccurrences(of: #"\b(limits|oauth2|signature|bot|smtp|imap)\.[a-z0-9_]+"#, with: " ",
                                         options: .regularExpression)
        for code in bracketCodes { rest = rest.replacingOccurrences(of: "(\(code))", with: " ") }
        return rest.components(separatedBy: CharacterSet.letters.inverted)
            .filter { word in word.unicodeScalars.contains { ("A"..."Z").contains($0) || ("a"..."z").contains($0) } }
            .filter { !allowed.contains($0) && !givenWords.contains($0) }
    }

    @Test(arguments: [RosterPerson.Language.kk, .ru])
    func noEnglishInKazakhOrRussianMail(language: RosterPerson.Language) throws {
        var found: [String: Set<String>] = [:]
        for (name, context) in try Self.samples(language) {
            let reply = try Self.library.render(name, language: language, context: context)
            for word in Self.latinWords(in: reply.subject + "\n" + reply.text, context: context, language: language) {
                found[name, default: []].insert(word)
            }
        }
        #expect(found.isEmpty, "\(language): \(found.mapValues { $0.sorted() })")
    }

    /// An error's own words and a command reach a mail only on the line labelled for the bot's
    /// administrator, in every language.
    @Test(arguments: RosterPerson.Language.allCases)
    func technicalTextOnlyOnTheAdministratorsLine(language: RosterPerson.Language) throws {
        let label = try #require(Self.technicalLabel[language])
        var labelled = 0
        for (name, context) in try Self.samples(language) {
            let technical = Self.technicalKeys.compactMap { context[$0] as? String }.filter { !$0.isEmpty }
            guard !technical.isEmpty else { continue }
            let text = try Self.library.render(name, language: language, context: context).text
            for line in text.split(separator: "\n") where technical.contains(where: { line.contains($0) }) {
                #expect(line.hasPrefix(label), "\(language) \(name): \(line)")
                labelled += 1
            }
        }
        let serviceAlerts = ServiceAlertsTests.sampleContexts.count
        #expect(labelled >= FailureKind.allCases.count + 2 + serviceAlerts,
                "every poison note, both login alerts and every service alert have the line")
    }

    /// Dates and times as a person writes them: no 25.11.2026, 2026-11-25 or bare 14:05 in a
    /// mail (the one date that stays numeric is the example of how to fill in the form's date cell).
    @Test(arguments: RosterPerson.Language.allCases)
    func noNumericDates(language: RosterPerson.Language) throws {
        for (name, context) in try Self.samples(language) {
            let reply = try Self.library.render(name, language: language, context: context)
            // What people wrote (a line DSHR wrote is quoted as written) is not the bot's wording.
            var text = (reply.subject + "\n" + reply.text).replacingOccurrences(of: "15.03.2024", with: "")
            for value in Self.givenValues(context).sorted(by: { $0.count > $1.count }) where value.count > 1 {
                text = text.replacingOccurrences(of: value, with: " ")
            }
            for pattern in [#"\b\d{1,2}\.\d{1,2}\.\d{4}\b"#, #"\b\d{4}-\d{2}-\d{2}\b"#] {
                let found = text.range(of: pattern, options: .regularExpression).map { String(text[$0]) }
                #expect(found == nil, "\(language) \(name): \(found ?? "")")
            }
            if language == .kk {
                // A Kazakh letter names the hour: "сағат 14:05".
                let bare = text.replacingOccurrences(of: #"сағат\s\d{2}:\d{2}"#, with: "", options: .regularExpression)
                #expect(bare.range(of: #"\b\d{2}:\d{2}\b"#, options: .regularExpression) == nil, "kk \(name): a time without «сағат»")
            }
        }
    }

    /// A header over its limit is measured as people measure files ("69 КБ"), not in bytes.
    @Test(arguments: RosterPerson.Language.allCases)
    func headerSizesReadAsFileSizes(language: RosterPerson.Language) throws {
        let errors: [MIMEError] = [.limitExceeded(limit: .headerLineLength, actual: 70_000, maximum: 65_536),
                                   .limitExceeded(limit: .headerBytes, actual: 70_000, maximum: 65_536)]
        for error in errors {
            let refusal = MessageRefusal(error)
            let text = try Self.library.render("reject_message", language: language,
                                               context: refusal.replyValues(name: nil, originalSubject: nil)).text
                .replacingOccurrences(of: "\u{00A0}", with: " ")
            #expect(text.contains(language == .en ? "68 KB" : "68 КБ") && text.contains(language == .en ? "64 KB" : "64 КБ"), "\(text)")
            #expect(!text.contains("70 000") && !text.contains("байт") && !text.contains("bytes"), "\(text)")
        }
    }

    /// The daily summary lists each message with its day and time in words, and words each
    /// failure's kind instead of the error's own text.
    @Test func theDailySummaryReadsAsAPersonWritesIt() throws {
        let kk = try Self.library.render("dshr_daily_summary", language: .kk, context: SummaryTemplatesTests.summary).text
        #expect(kk.contains("2026 жылғы 21 қыркүйек, сағат"), "\(kk)")
        #expect(kk.contains("  - 21 қыркүйек, сағат"), "\(kk)")
        let ru = try Self.library.render("dshr_daily_summary", language: .ru, context: SummaryTemplatesTests.summary).text
        #expect(ru.contains("сентября в"), "\(ru)")
        #expect(!ru.contains("<script>"))
    }

    /// A roster with mistakes: each column by its name in DSHR's language, its header code in brackets.
    @Test func rosterColumnsAreNamedInTheReadersLanguage() throws {
        let context = RosterErrorContext.values([RosterIssue(row: 4, column: "category", problem: "p", kind: .invalidCategory, value: "XYZ")])
            .merging(["is_roster": true, "name": "Ә. Test"]) { old, _ in old }
        let kk = try Self.library.render("command_result", language: .kk, context: context).text
        #expect(kk.contains("4-жол, «Санаты» бағаны (category): «XYZ» – санат емес"), "\(kk)")
        let ru = try Self.library.render("command_result", language: .ru, context: context).text
        #expect(ru.contains("строка 4, столбец «Категория» (category):"), "\(ru)")
    }

    /// The Regulation's terms: no template, string or glossary entry uses a variant it does not.
    @Test(arguments: RosterPerson.Language.allCases)
    func noForbiddenTerms(language: RosterPerson.Language) throws {
        let folder = ReplySamples.templates.appendingPathComponent(language.rawValue)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.count > 40)
        // The certificate's words too (templates/certificate/<lang>.yml).
        let certificate = ReplySamples.templates.appendingPathComponent("certificate/\(language.rawValue).yml")
        for file in files.map({ folder.appendingPathComponent($0) }) + [certificate] {
            let text = try String(contentsOf: file, encoding: .utf8)
            for variant in Glossary.forbidden[language.wording] ?? [] {
                #expect(!text.contains(variant), "\(language)/\(file.lastPathComponent): «\(variant)»")
            }
        }
        for term in Glossary.terms(in: language.wording).values {
            #expect((Glossary.forbidden[language.wording] ?? []).allSatisfy { !term.contains($0) }, "\(term)")
        }
    }

    /// A greeting by given name and patronymic, a date with its case ending, the signature.
    @Test func aKazakhReceiptReadsAsAPersonWritesIt() throws {
        let strings = try Self.library.strings(.kk)
        let context = ReplySamples.contexts(strings)[1].1
        let reply = try Self.library.render("receipt", language: .kk, context: context)
        #expect(reply.text.hasPrefix("Құрметті Әлібек Қайратұлы!"))
        #expect(reply.text.contains("мерзімнен – 2026 жылғы 1 маусымнан кейін"), "\(reply.text)")
        #expect(reply.text.contains("Стратегия және HR бөлімі"))
        #expect(reply.text.contains("Әлиева Аида Серікқызы, тел. +7 727 307 00 00, 214 кабинет"))
        #expect(!reply.text.contains("01.06.2026"))
    }

    /// The roster's given_name and patronymic win over splitting the full name.
    @Test func theRostersGivenNameAndPatronymicGreet() throws {
        let person = RosterPerson(email: "a@kazguu.kz", fullName: "Нұрланқызы Айгүл", category: .pps, unit: "U", role: .staff,
                                  leadership: false, language: .kk, givenName: "Айгүл", patronymic: "Серікқызы")
        let kk = try Self.library.render("reject_sender_not_allowed", language: .kk,
                                         context: SenderNotAllowedContext(person: person, heads: []).values())
        #expect(kk.text.hasPrefix("Құрметті Айгүл Серікқызы!"), "\(kk.text)")
        let ru = try Self.library.render("reject_sender_not_allowed", language: .ru,
                                         context: SenderNotAllowedContext(person: person, heads: []).values())
        #expect(ru.text.hasPrefix("Уважаемая Айгүл Серікқызы!"), "\(ru.text)")
    }

    /// The Plan announcement to a participant of both sample courses.
    static var announcement: [String: Any] {
        CycleTemplatesTests.contexts.first { $0.0 == "plan_announcement" && $0.1 == "with courses" }?.2 ?? [:]
    }

    @Test func countsTakeTheirPluralForms() throws {
        func plain(_ text: String) -> String { text.replacingOccurrences(of: "\u{00A0}", with: " ") }
        let ru = plain(try Self.library.render("plan_announcement", language: .ru, context: Self.announcement).text)
        #expect(ru.contains("36 академических часов"), "\(ru)")
        #expect(ru.contains("2 курса"), "\(ru)")
        #expect(ru.contains("утверждён 3 июля 2026 г. В соответствии"), "one period after г.: \(ru)")
        let en = plain(try Self.library.render("plan_announcement", language: .en, context: Self.announcement).text)
        #expect(en.contains("36 academic hours") && en.contains("2 courses"), "\(en)")
        #expect(en.contains("You are included in this course:"), "\(en)")
    }

    /// The Plan every employee gets lists courses, never participants.
    @Test(arguments: RosterPerson.Language.allCases)
    func thePlanAttachmentHoldsNoAddress(language: RosterPerson.Language) throws {
        let courses = (1...3).map { index in
            Course(id: "C-\(index)", title: "Курс \(index)", group: .leadership, audience: .abp, kind: .management,
                   location: .domestic, term: .short, hours: 8 * index, startDate: CivilDate(text: "2026-09-01")!,
                   endDate: CivilDate(text: "2026-09-05")!, language: .ru, delivery: .offline, costKZT: 50_000)
        }
        let plan = Plan(courses: courses, assignments: (1...500).map {
            Assignment(courseID: "C-\($0 % 3 + 1)", participantEmail: "staff\($0)@kazguu.kz", row: $0 + 1)
        })
        let strings = try Self.library.strings(language)
        let file = try PlanWorkbook.courseList(plan, cycle: "2026-2027", language: language.wording, strings: strings)
        let document = try DocumentReader.read(bytes: file.bytes, fileName: file.filename)
        let table = try #require(document.tables.first)
        let cells = table.rows.flatMap(\.cells).compactMap { cell -> String? in
            if case let .text(text) = cell.value { return text } else { return nil }
        }
        #expect(!cells.contains { $0.contains("@") }, "no address in the Plan sent to all staff")
        #expect(table.rows.count == 1 + courses.count, "one row per course")
        #expect(table.name == strings.attachment("plan_sheet", ["cycle": "2026-2027"]))
        #expect(file.filename == strings.attachment("plan_file", ["cycle": "2026-2027"]).replacingOccurrences(of: " ", with: "_") + ".xlsx")
        for code in ["leadership", "ABP", "offline", "domestic", "management", "short"] where language != .en {
            #expect(!cells.contains(code), "\(language): the code \(code) is worded")
        }
        #expect(cells.contains(Glossary.term("group.leadership", in: language.wording)))
    }

    /// Extreme contexts still render: a very long name, no rows, 500 rows.
    @Test(arguments: RosterPerson.Language.allCases)
    func extremeContextsRender(language: RosterPerson.Language) throws {
        let long = "Әбдірахманова-Сейітқасымова Айгерім-Ақмаржан-Гүлназ Нұрсұлтанқызы"
        let rows = (1...500).map { ReplySamples.row("p\($0)@kazguu.kz", "Қызметкер \($0)") }
        for accepted in [[], rows] {
            let context = ReceiptContext(name: long, unit: ReplySamples.head.unit, cycle: "2026-2027", sourceFiles: [],
                                         accepted: accepted, invalidRows: [], change: nil, late: false, deadline: nil)
            let reply = try Self.library.render("receipt", language: language, context: context.values(try Self.library.strings(language)))
            RenderedReplyChecks.expectComplete(reply, language: language, label: "\(language) receipt \(accepted.count)", unescaped: [])
            #expect(reply.text.contains("Айгерім-Ақмаржан-Гүлназ"))
        }
    }
}

/// HTML every client shows well, and the same content as the text part.
@Suite struct MailHTMLTests {
    static func visibleText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: #"<title>.*?</title>"#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&"), ("&nbsp;", " ")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().components(separatedBy: CharacterSet.letters.inverted).filter { $0.count >= 3 })
    }

    @Test func aTemplateWithoutLayoutGetsIt() {
        let html = TemplateLibrary.laidOut("<html><body style=\"x\"><p>Сәлем</p></body></html>")
        #expect(html.contains(#"<table role="presentation""#) && html.contains("<p>Сәлем</p></td></tr></table>"))
        #expect(TemplateLibrary.laidOut(html) == html)
    }

    @Test(arguments: RosterPerson.Language.allCases)
    func inlineStylesLayoutTablesAndTheSameWords(language: RosterPerson.Language) throws {
        for (name, context) in try MailWordingTests.samples(language) {
            let reply = try MailWordingTests.library.render(name, language: language, context: context)
            // The sign-in mail's link is the one address a reader must open; no other.
            let html = reply.html
            let checked = name == "console_sign_in" ? html.replacingOccurrences(of: MailWordingTests.signInLink, with: "") : html
            for banned in ["<style", "class=", "<link", "<img", "<script", "http://", "https://", "@import"] {
                #expect(!checked.lowercased().contains(banned) || html.contains("&lt;script"), "\(language) \(name): \(banned)")
            }
            #expect(html.contains(#"<table role="presentation""#), "\(language) \(name): a layout table")
            // The same words, except the column titles of the HTML tables (the text part lists
            // the same values line by line without them).
            let headers = Self.words(html.components(separatedBy: "<th").dropFirst()
                .map { $0.components(separatedBy: "</th>").first ?? "" }.map(Self.visibleText).joined(separator: " "))
            let inHTML = Self.words(Self.visibleText(html)), inText = Self.words(reply.text)
            #expect(inText.subtracting(inHTML).isEmpty && inHTML.subtracting(inText).subtracting(headers).isEmpty,
                    "\(language) \(name): only in text \(inText.subtracting(inHTML).sorted()), only in HTML \(inHTML.subtracting(inText).subtracting(headers).sorted())")
        }
    }
}
