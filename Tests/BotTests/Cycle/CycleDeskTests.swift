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
import Wording
@testable import Bot

/// The desks without a mail server: messages read from bytes, replies checked in the outbox.
@Suite struct CycleDeskTests {
    static let dshr = "dshr.desk@kazguu.kz"
    static let roster = """
        email,full_name,category,unit,role,leadership,lang
        \(dshr),Айгерим Сатпаева,ABP,HR,dshr,no,ru
        head.desk@kazguu.kz,Бауыржан Оспанов,PPS,Law,head,yes,kk
        a.desk@kazguu.kz,Анна Ли,PPS,Law,staff,no,en
        b.desk@kazguu.kz,Берік Сейітов,ABP,Finance,staff,no,kk

        """
    static let plan = """
        course_id,title,competency_group,audience,kind,location,term,hours,start_date,end_date,language,delivery,cost_kzt,participant_email\r
        D-01,Research methods,professional_knowledge_and_research,PPS,qualification,domestic,medium,36,2026-09-01,2026-09-30,en,online,60000,a.desk@kazguu.kz\r
        D-01,Research methods,professional_knowledge_and_research,PPS,qualification,domestic,medium,36,2026-09-01,2026-09-30,en,online,60000,head.desk@kazguu.kz\r
        D-02,Budgeting,leadership,PPS,management,domestic,short,6,2026-10-01,2026-10-02,kk,offline,0,b.desk@kazguu.kz\r

        """

    struct Fixture {
        let store: FileStore
        let environment: BotEnvironment
        let desk: CycleDesk
        let roster: Roster

        init(now: Date? = nil) throws {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("cycle-desk-\(UUID().uuidString)")
            store = try FileStore(root: url)
            try store.roster.replace(with: Data(CycleDeskTests.roster.utf8))
            var configuration = MailSandboxConfiguration.plain(store: url)
            configuration.bot.dshr = [CycleDeskTests.dshr]
            environment = BotEnvironment(configuration: configuration, store: store,
                                         templatesDirectory: MailSandbox.repository.appendingPathComponent("templates"),
                                         logger: Logger(label: "cycle-desk"), now: { now ?? Date() })
            desk = try CycleDesk(environment: environment)
            roster = try store.roster.load()
        }

        func read(_ raw: Data) throws -> MessageReading {
            try MessageReading.readAsDated(raw)
        }

        func purposes() throws -> [String] { try store.outbox.all().map(\.purpose).sorted() }
    }

    func planMessage(id: String, csv: String = plan, body: String = "Approved: 2026-07-03") -> Data {
        DSHRMail.command(tag: "[PLAN]", from: Self.dshr, to: "bot@kazguu.kz", id: id, body: body, fileName: "plan.csv", csv: csv)
    }

    @Test func previewThenConfirmThenAnnounceOncePerPerson() throws {
        let f = try Fixture()
        let person = try #require(f.roster.person(address: Self.dshr))
        let result = try f.desk.plan.receive(from: person, reading: f.read(planMessage(id: "p1@x")), hash: "h1", roster: f.roster)
        // §6.5: 6 h short course (< 8); §5.3: leadership is not a PPS group; b.desk is ABP on a PPS course.
        #expect(result == .previewed(slot: "2026-2027", problems: 3))
        var purposes = try f.purposes()
        #expect(purposes.count == 1 && purposes[0].hasPrefix("plan-preview:2026-2027:"), "only the preview: \(purposes)")
        let stored = try #require(try f.desk.plans.plans(cycle: "2026-2027").first)
        #expect(stored.state == .previewed)
        #expect(stored.deadline == CivilDate(text: "2026-07-13"))

        // The same file again keeps its slot and its preview: nothing new.
        _ = try f.desk.plan.receive(from: person, reading: f.read(planMessage(id: "p2@x")), hash: "h2", roster: f.roster)
        #expect(try f.purposes() == purposes)

        // A reply to the preview: only DSHR's own confirming words count.
        let reply = { (body: String, from: String) in
            try f.read(DSHRMail.reply(from: from, to: "bot@kazguu.kz", id: UUID().uuidString + "@x",
                                      inReplyTo: stored.previewMessageID, subject: "preview", body: body))
        }
        #expect(try f.desk.plan.confirmedPlan(by: reply("не подтверждаю", Self.dshr), sender: person) == nil)
        let staff = try #require(f.roster.person(address: "a.desk@kazguu.kz"))
        #expect(try f.desk.plan.confirmedPlan(by: reply("confirm", staff.email), sender: staff) == nil)
        let confirming = try reply("Подтверждаю", Self.dshr)
        let confirmed = try #require(try f.desk.plan.confirmedPlan(by: confirming, sender: person))
        let summary = try f.desk.plan.confirm(confirmed, by: person, reading: confirming, hash: "h3", roster: f.roster)
        #expect(summary == AnnouncementSummary(recipients: 4, queued: 4, alreadyQueued: 0))
        purposes = try f.purposes()
        for email in f.roster.people.map(\.email) { #expect(purposes.contains("announce:2026-2027:\(email)")) }

        // `plan announce` after the confirmation: the Plan is announced, nobody is queued twice.
        #expect(try f.desk.announce(cycle: "2026-2027").isEmpty)
        let again = try PlanAnnouncer(environment: f.environment, mail: f.desk.mail, plans: f.desk.plans)
            .announce(confirmed, roster: f.roster)
        #expect(again == AnnouncementSummary(recipients: 4, queued: 0, alreadyQueued: 4))
        let status = try f.desk.status(cycle: "2026-2027")
        #expect(status.plans.first?.announcements == PlanStatus.Counts(sent: 0, pending: 4, failed: 0))

        // A Plan with other courses is a supplement in a slot of its own; a correction of it
        // (same courses) replaces it while it is not announced.
        let supplement = Self.plan.replacingOccurrences(of: "D-0", with: "S-0")
        let next = try f.desk.plan.receive(from: person, reading: f.read(planMessage(id: "p4@x", csv: supplement)),
                                           hash: "h4", roster: f.roster)
        #expect(next == .previewed(slot: "2026-2027.2", problems: 3))
        let corrected = supplement.replacingOccurrences(of: "short,6,", with: "short,8,")
        let fixed = try f.desk.plan.receive(from: person, reading: f.read(planMessage(id: "p5@x", csv: corrected)),
                                            hash: "h5", roster: f.roster)
        #expect(fixed == .previewed(slot: "2026-2027.2", problems: 2))
        let third = Self.plan.replacingOccurrences(of: "D-0", with: "T-0")
        let another = try f.desk.plan.receive(from: person, reading: f.read(planMessage(id: "p6@x", csv: third)),
                                              hash: "h6", roster: f.roster)
        #expect(another == .previewed(slot: "2026-2027.3", problems: 3))
        #expect(try f.desk.plans.plans(cycle: "2026-2027").map(\.slot) == ["2026-2027", "2026-2027.2", "2026-2027.3"])
    }

    @Test func completionsIssueOnceAndRepeatNothing() throws {
        let f = try Fixture()
        let person = try #require(f.roster.person(address: Self.dshr))
        _ = try f.desk.plan.receive(from: person, reading: f.read(planMessage(id: "p1@x")), hash: "h1", roster: f.roster)
        let list = """
            course_id,participant_email,status,completion_date\r
            D-01,A.Desk@kazguu.kz,completed,2026-09-30\r
            D-01,head.desk@kazguu.kz,failed,2026-09-15\r
            D-02,b.desk@kazguu.kz,withdrew_valid_reason,2026-10-01\r
            D-09,b.desk@kazguu.kz,completed,2026-10-01\r
            D-01,a.desk@kazguu.kz,completed,2026-09-30\r

            """
        let message = DSHRMail.command(tag: "[COMPLETIONS]", from: Self.dshr, to: "bot@kazguu.kz", id: "c1@x",
                                       body: "", fileName: "results.csv", csv: list)
        let first = try #require(try f.desk.completions.receive(from: person, reading: f.read(message), hash: "c1", roster: f.roster))
        #expect(first.certificatesNew == 1 && first.expulsions == 1 && first.readmissions == 1)
        #expect(first.noticesQueued == 3)
        #expect(first.issues.map(\.row) == [5, 6], "unknown course and repeated row")
        let purposes = try f.purposes()
        #expect(purposes.contains("certificate:D-01:a.desk@kazguu.kz"))
        #expect(purposes.contains("expulsion:D-01:head.desk@kazguu.kz"))
        #expect(purposes.contains("readmission:D-02:b.desk@kazguu.kz"))
        let expulsion = try #require(try f.store.outbox.all().first { $0.purpose == "expulsion:D-01:head.desk@kazguu.kz" })
        #expect(expulsion.recipients.contains(Self.dshr), "§7.14: copy to DSHR")
        let ledger = try TrainingLedger.load(from: f.store)
        let number = try #require(ledger.certificates.number(courseID: "D-01", participantEmail: "a.desk@kazguu.kz"))
        #expect(number == "CPD-2026-00001")
        #expect(ledger.history == [TrainingRecord(participantEmail: "a.desk@kazguu.kz", courseID: "D-01",
                                                  completionDate: CivilDate(text: "2026-09-30")!, hours: 36,
                                                  group: .professionalKnowledgeAndResearch, kind: .qualification)])

        let second = try #require(try f.desk.completions.receive(from: person, reading: f.read(message), hash: "c2", roster: f.roster))
        #expect(second.certificatesNew == 0 && second.certificatesBefore == 1 && second.noticesQueued == 0)
        #expect(try TrainingLedger.load(from: f.store) == ledger)
        #expect(try f.purposes().filter { !$0.hasPrefix("reply-command:") } == purposes.filter { !$0.hasPrefix("reply-command:") })
    }

    @Test func completionsWithoutAPlanAskForThePlan() throws {
        let f = try Fixture()
        let person = try #require(f.roster.person(address: Self.dshr))
        let message = DSHRMail.command(tag: "[COMPLETIONS]", from: Self.dshr, to: "bot@kazguu.kz", id: "c@x", body: "",
                                       fileName: "r.csv", csv: "course_id,participant_email,status,completion_date\r\nD-01,a.desk@kazguu.kz,completed,2026-09-30\r\n")
        #expect(try f.desk.completions.receive(from: person, reading: f.read(message), hash: "c", roster: f.roster) == nil)
        #expect(try f.purposes() == ["reply-command:c"])
    }

    @Test(arguments: ["hello, no table here", "a;b;c\r\n1;2;3\r\n"])
    func anAttachmentThatIsNoPlanGetsAnExplanation(_ csv: String) throws {
        let f = try Fixture()
        let person = try #require(f.roster.person(address: Self.dshr))
        let result = try f.desk.plan.receive(from: person, reading: f.read(planMessage(id: "bad@x", csv: csv)), hash: "b", roster: f.roster)
        #expect(result == .unreadable)
        #expect(try f.purposes() == ["reply-command:b"])
        #expect(try f.desk.plans.all().isEmpty)
    }

    @Test func theServiceSendsTheDaysRemindersOnce() throws {
        // 15 April 2026, 09:00 in Almaty: the call for applications.
        let f = try Fixture(now: Date(timeIntervalSince1970: 1_776_225_600))
        var daily = DailyReminders(environment: f.environment)
        daily.runIfDue()
        daily.runIfDue()
        #expect(try f.purposes() == ["remind:call:2026-2027:2026-04-15:head.desk@kazguu.kz"])
        let entry = try #require(try f.store.outbox.all().first)
        let raw = String(decoding: try f.store.outbox.raw(messageID: entry.messageID), as: UTF8.self)
        let files = IncomingFile.files(of: try MessageParser().parse(Array(raw.utf8)), limits: .default).map(\.filename)
        #expect(files == ["Өтінім_(1-қосымша).xlsx"], "the head's language")
        // `cpdbot remind` the same day finds it queued.
        let report = try f.desk.remind(today: CivilDate(text: "2026-04-15")!)
        #expect(report.queued.isEmpty && report.alreadyQueued == 1)
    }

    /// The announcement's attachment: every course of the Plan once, in the reader's language,
    /// and none of the participants (MailWordingTests checks the words).
    @Test(arguments: RosterPerson.Language.allCases)
    func thePlanAttachmentListsEveryCourseOnce(_ language: RosterPerson.Language) throws {
        let reading = try PlanTableReader().read(DocumentReader.read(bytes: Array(Self.plan.utf8), fileName: "plan.csv"))
        let strings = try TemplateLibrary(directory: MailSandbox.repository.appendingPathComponent("templates")).strings(language)
        let file = try PlanWorkbook.courseList(reading.plan, cycle: "2026-2027", language: language.wording, strings: strings)
        let table = try #require(try DocumentReader.read(bytes: file.bytes, fileName: file.filename).tables.first)
        let texts = table.rows.flatMap(\.cells).compactMap { cell -> String? in if case let .text(t) = cell.value { return t } else { return nil } }
        #expect(table.rows.count == reading.plan.courses.count + 1)
        #expect(reading.plan.courses.allSatisfy { course in texts.contains(course.title) })
        #expect(reading.plan.assignments.allSatisfy { assignment in !texts.contains(assignment.participantEmail) })
    }

    @Test(arguments: ["kk", "ru", "en"])
    func appendixOneHasTheColumnsInTheHeadsLanguage(_ language: String) throws {
        let f = try Fixture()
        let attachment = try f.desk.appendixOne(language: language)
        let document = try DocumentReader.read(bytes: attachment.bytes, fileName: attachment.filename)
        let strings = try TemplateLibrary(directory: f.environment.templatesDirectory).strings(RosterPerson.Language(rawValue: language)!)
        let row = try #require(document.tables.first?.rows.first)
        let header = row.cells.map { cell -> String in if case let .text(text) = cell.value { return text } else { return "" } }
        #expect(header.first == strings.column("no"))
        #expect(header.last == strings.column("email"))
        #expect(header.count == 10)
    }
}

/// A configuration with nothing to connect to (the desks only queue).
enum MailSandboxConfiguration {
    static func plain(store: URL) -> CPDBotConfiguration {
        var configuration = CPDBotConfiguration()
        configuration.bot.address = "bot@kazguu.kz"
        configuration.store.path = store.path
        configuration.certificates = MailSandbox.sampleCertificates
        return configuration
    }
}
