import Config
import Foundation
import Regulation
import Staff
import Store
import Testing
import Wording
@testable import Bot

/// Every cycle template renders in kk, ru and en from the contexts the desks build, with no
/// leftover tags, one-line subjects, escaped HTML and Kazakh in its own letters.
@Suite struct CycleTemplatesTests {
    static let library = TemplateLibrary(directory: MailSandbox.repository.appendingPathComponent("templates"))

    static func course(_ id: String, cost: Int, location: CourseLocation = .domestic, term: CourseTerm = .medium) -> Course {
        Course(id: id, title: "<b>Methods</b> & more", group: .professionalValues, audience: .pps, kind: .qualification,
               location: location, term: term, hours: 36, startDate: CivilDate(text: "2026-09-01")!,
               endDate: CivilDate(text: "2026-09-30")!, language: .kk, delivery: .blended, costKZT: cost)
    }

    static func result(_ status: CompletionStatus, cost: Int) -> CompletionResult {
        let plan = Plan(courses: [course("T-1", cost: cost)],
                        assignments: [Assignment(courseID: "T-1", participantEmail: "a@kazguu.kz", row: 2)])
        let record = CompletionRecord(row: 2, courseID: "T-1", participantEmail: "a@kazguu.kz", status: status,
                                      completionDate: CivilDate(text: "2026-09-30")!)
        return CompletionEvaluator(plan: plan).evaluate([record]).results[0]
    }

    static var contexts: [(String, String, [String: Any])] {
        let person = RosterPerson(email: "a@kazguu.kz", fullName: "Ә. <Test>", category: .pps, unit: "Law", role: .staff,
                                  leadership: false, language: .kk)
        let stored = StoredPlan(slot: "2026-2027", cycle: "2026-2027", state: .previewed, fileName: "plan<1>.xlsx",
                                storedFile: "plan.xlsx", sha256: "x", approvalDate: CivilDate(text: "2026-07-03")!,
                                approvalLine: "Approved: 2026-07-03", deadline: CivilDate(text: "2026-07-13")!,
                                from: "d@kazguu.kz", receivedAt: Date(), previewMessageID: "<p@x>")
        let plan = Plan(courses: [course("T-1", cost: 120_000), course("T-2", cost: 0, location: .abroad, term: .medium)],
                        assignments: [Assignment(courseID: "T-1", participantEmail: "a@kazguu.kz", row: 2),
                                      Assignment(courseID: "T-2", participantEmail: "b@kazguu.kz", row: 3)])
        let issues = [RowIssue(row: 4, column: "hours", value: "x", kind: .invalidValue, message: "not a number")]
        let problems = PlanProblem.Kind.allCases.map { kind in
            PlanProblem(courseID: "T-2", participantEmail: kind.isCourseLevel ? nil : "b@kazguu.kz", kind: kind, detail: "d")
        }
        var out: [(String, String, [String: Any])] = [
            ("plan_preview", "problems", PlanContexts.preview(name: person.fullName, stored: stored, plan: plan, issues: issues,
                                                              problems: problems, leftOut: ["c@kazguu.kz"],
                                                              today: CivilDate(text: "2026-07-20")!)),
            ("plan_preview", "clean", PlanContexts.preview(name: person.fullName, stored: stored,
                                                           plan: plan, issues: [],
                                                           problems: [], leftOut: [], today: CivilDate(text: "2026-07-04")!)),
            ("plan_preview", "paced over two days", paced(PlanContexts.preview(name: person.fullName, stored: stored, plan: plan, issues: [],
                                                                     problems: [], leftOut: [], today: CivilDate(text: "2026-07-04")!),
                                                 people: 6_000, perMinute: 30, perDay: 10_000)),
            ("plan_preview", "paced in time", paced(PlanContexts.preview(name: person.fullName, stored: stored, plan: plan, issues: [],
                                                                        problems: [], leftOut: [], today: CivilDate(text: "2026-07-04")!),
                                                    people: 2_000, perMinute: 600, perDay: 0)),
            ("plan_announcement", "with courses", PlanContexts.announcement(person: person, stored: stored, plan: plan)),
            ("plan_announcement", "no course", PlanContexts.announcement(
                person: RosterPerson(email: "z@kazguu.kz", fullName: "Z", category: .abp, unit: "F", role: .staff,
                                     leadership: false, language: .en), stored: stored, plan: plan)),
        ]
        for (status, cost) in [(CompletionStatus.completed, 120_000), (.completed, 0), (.failed, 120_000), (.failed, 0),
                               (.withdrewValidReason, 5_000)] {
            out.append(("course_result", "\(status) \(cost)", CompletionContexts.notice(
                name: person.fullName, course: course("T-1", cost: cost), result: result(status, cost: cost),
                certificate: "CPD-2026-00001")))
        }
        let base = DueReminder(kind: .call, recipient: person, address: person.email, cycle: "2026-2027:2026-04-15",
                               deadline: CivilDate(text: "2026-06-01"))
        out.append(("call_for_applications", "call", ReminderContexts.values(base, name: person.fullName)))
        out.append(("application_reminder", "reminder", ReminderContexts.values(base, name: person.fullName)))
        for kind in [DueReminder.Kind.summary, .plan, .announcement] {
            var reminder = base
            reminder.kind = kind
            reminder.unitsMissing = kind == .summary ? ["<Law>"] : []
            out.append(("dshr_reminder", kind.rawValue, ReminderContexts.values(reminder, name: nil)))
        }
        var summary = CompletionsDesk.Summary(certificatesNew: 1, certificatesBefore: 2, expulsions: 1, readmissions: 1, noticesQueued: 3)
        summary.issues = [RowIssue(row: 5, column: "course_id", value: "X-9", kind: .unknownCourse, message: "course X-9 is not in the Plan")]
        var completions = CompletionContexts.summary(summary, fileName: "r.csv")
        completions["is_completions"] = true
        out.append(("command_result", "completions", completions))
        out.append(("command_result", "no plan", ["is_completions": true, "completions_no_plan": true]))
        out.append(("command_result", "unreadable list", ["is_completions": true, "completions_unreadable": true]))
        out.append(("command_result", "unreadable plan", ["is_plan": true, "plan_unreadable": true, "has_files": true,
                                                          "files": [["file": "x.pdf", "damaged": true], ["file": "y.csv", "not_a_plan": true]]]))
        // Every kind of roster problem, in the columns RosterParser names (and "-" for the whole file), 57 in all.
        let rosterIssues = [
            RosterIssue(row: 3, column: "email", problem: "p", kind: .duplicate, value: "2"),
            RosterIssue(row: 4, column: "category", problem: "p", kind: .invalidCategory, value: "XYZ"),
            RosterIssue(row: 5, column: "email", problem: "p", kind: .invalidAddress, value: "a@"),
            RosterIssue(row: 6, column: "full_name", problem: "missing", kind: .missing),
            RosterIssue(row: 7, column: "unit", problem: "missing", kind: .missing),
            RosterIssue(row: 8, column: "role", problem: "p", kind: .invalidRole, value: "boss"),
            RosterIssue(row: 9, column: "leadership", problem: "p", kind: .invalidLeadership, value: "maybe"),
            RosterIssue(row: 10, column: "lang", problem: "p", kind: .invalidLanguage, value: "Deutsch"),
            RosterIssue(row: 1, column: "lang", problem: "p", kind: .missingColumn),
            RosterIssue(row: 1, column: "-", problem: "p", kind: .notUTF8),
            RosterIssue(row: 1, column: "-", problem: "p", kind: .empty),
        ] + (11...56).map { RosterIssue(row: $0, column: "unit", problem: "missing", kind: .missing) }
        out.append(("command_result", "roster error", RosterErrorContext.values(rosterIssues).merging(["is_roster": true]) { old, _ in old }))
        out.append(("command_result", "roster missing", ["is_roster": true, "roster_missing": true]))
        out.append(("command_result", "confirmation", ["is_confirmation": true, "cycle": "2026-2027", "file_name": "p.xlsx",
                                                       "queued": 3, "already": 1, "has_already": true, "retried": 1, "has_retried": true, "recipients": 4,
                                                       "deadline": CivilDate(text: "2026-07-13")!]))
        return out.map { ($0.0, $0.1, $0.2.merging(["name": "Ә. <Test>", "original_subject": "[PLAN]"]) { old, _ in old }) }
    }

    /// The preview's paragraph on the sending pace, as `PlanDesk` adds it: a Plan approved on
    /// 3 July 2026 (deadline 13 July), previewed on 10 July at 10:00 Almaty.
    static func paced(_ preview: [String: Any], people: Int, perMinute: Int, perDay: Int) -> [String: Any] {
        var configuration = CPDBotConfiguration()
        configuration.smtp.maxMessagesPerMinute = perMinute
        configuration.smtp.maxRecipientsPerDay = perDay
        let now = Date(timeIntervalSince1970: 1_783_659_600)
        guard let pace = AnnouncementPace.estimate(messages: people, configuration: configuration,
                                                   deadline: CivilDate(text: "2026-07-13")!, start: now) else { return preview }
        var values = preview.merging(pace.contextValues) { $1 }
        values["pace_people"] = people
        values["pace_per_minute"] = perMinute
        values["pace_has_per_minute"] = perMinute > 0
        return values
    }

    /// How long the announcement takes at the pace, and the warning only when §7.7 is missed:
    /// 6,000 people with the bot's copies at Exchange Online's limits (10,000 recipients a day)
    /// take 14 h 34 min, until 00:33 the next day – in time; 2,000 at 600 a minute take 4 minutes. The
    /// numbers are grouped ("6 000") and the moments written as the reader's language writes them.
    @Test(arguments: RosterPerson.Language.allCases)
    func previewGivesTheSendingTime(language: RosterPerson.Language) throws {
        func plain(_ text: String) -> String { text.replacingOccurrences(of: "\u{00A0}", with: " ") }
        func moment(_ day: Int, _ hour: Int, _ minute: Int) -> String {
            plain(LongDate.text(year: 2026, month: 7, day: day, hour: hour, minute: minute, language: language.wording))
        }
        let twoDays = try #require(Self.contexts.first { $0.1 == "paced over two days" }).2
        let quick = try #require(Self.contexts.first { $0.1 == "paced in time" }).2
        #expect(twoDays["pace_misses_deadline"] as? Bool == false)
        #expect((twoDays["pace_finish"] as? MailTimestamp).map { LocalTime($0.date, in: $0.timeZone).dotted } == "11.07.2026 00:33")
        #expect(twoDays["pace_people"] as? Int == 6_000 && twoDays["pace_hours"] as? Int == 14 && twoDays["pace_minutes"] as? Int == 34)
        let twoDaysText = plain(try Self.library.render("plan_preview", language: language, context: twoDays).text)
        let quickText = plain(try Self.library.render("plan_preview", language: language, context: quick).text)
        #expect(twoDaysText.contains("6 000") && twoDaysText.contains("14 ") && twoDaysText.contains("34 ")
                && twoDaysText.contains(moment(11, 0, 33)), "\(twoDaysText)")
        #expect(quickText.contains("2 000") && quickText.contains("600") && quickText.contains("4 ")
                && quickText.contains(moment(10, 10, 3)), "\(quickText)")
        var missing = twoDays
        missing["pace_misses_deadline"] = true
        let warned = plain(try Self.library.render("plan_preview", language: language, context: missing).text)
        let deadline = plain(LongDate.text(year: 2026, month: 7, day: 13, language: language.wording,
                                           kazakhCase: language == .kk ? .dative : .nominative))
        #expect(warned.count > twoDaysText.count + 60 && warned.contains(deadline), "\(warned)")
        let clean = try #require(Self.contexts.first { $0.1 == "clean" }).2
        let unpaced = try Self.library.render("plan_preview", language: language, context: clean).text
        #expect(!unpaced.contains("600") && unpaced.count < quickText.count, "no pace paragraph without limits")
    }

    @Test func estimateMissesTheDeadline() {
        var configuration = CPDBotConfiguration()
        configuration.smtp.maxRecipientsPerDay = 1_000
        let start = Date(timeIntervalSince1970: 1_783_659_600)  // 10.07.2026 10:00 Almaty
        // 3,000 announcements with the bot's copies: 500 a day → the last on the sixth day.
        let pace = AnnouncementPace.estimate(messages: 3_000, configuration: configuration,
                                             deadline: CivilDate(text: "2026-07-13")!, start: start)
        #expect(pace?.missesDeadline == true && pace?.finishText == "15.07.2026 00:00")
        configuration.smtp.serverSavesSent = .yes
        let alone = AnnouncementPace.estimate(messages: 3_000, configuration: configuration,
                                              deadline: CivilDate(text: "2026-07-13")!, start: start)
        #expect(alone?.missesDeadline == false && alone?.finishText == "12.07.2026 00:00")
        #expect(AnnouncementPace.estimate(messages: 3_000, configuration: CPDBotConfiguration(),
                                          deadline: CivilDate(text: "2026-07-13")!, start: start) == nil)
    }

    @Test(arguments: RosterPerson.Language.allCases)
    func everyCycleTemplateRendersCompletely(language: RosterPerson.Language) throws {
        for (name, variant, context) in Self.contexts {
            let reply = try Self.library.render(name, language: language, context: context)
            RenderedReplyChecks.expectComplete(reply, language: language, label: "\(language) \(name) (\(variant))",
                                               unescaped: ["<Test>", "<b>Methods"])
        }
    }

    /// Each problem kind has its own words in each language (no kind renders as nothing).
    @Test(arguments: RosterPerson.Language.allCases)
    func everyProblemKindIsWorded(language: RosterPerson.Language) throws {
        let (_, _, context) = try #require(Self.contexts.first { $0.0 == "plan_preview" && $0.1 == "problems" })
        let text = try Self.library.render("plan_preview", language: language, context: context).text
        let lines = text.split(separator: "\n").filter { $0.hasPrefix("  - T-2") }
        #expect(lines.count == PlanProblem.Kind.allCases.count)
        #expect(Set(lines).count == lines.count, "each kind worded differently")
        #expect(lines.allSatisfy { !$0.hasSuffix(": ") && !$0.hasSuffix(":") })
    }

    /// The §8 paragraph appears only when the course cost money.
    @Test(arguments: RosterPerson.Language.allCases)
    func workOffOnlyForPaidCourses(language: RosterPerson.Language) throws {
        let paid = try #require(Self.contexts.first { $0.1 == "completed 120000" }).2
        let free = try #require(Self.contexts.first { $0.1 == "completed 0" }).2
        let paidText = try Self.library.render("course_result", language: language, context: paid).text
        let freeText = try Self.library.render("course_result", language: language, context: free).text
        let end = LongDate.text(year: 2027, month: 9, day: 30, language: language.wording)
        #expect(paidText.contains(end), "12 months from 30.09.2026")
        #expect(!freeText.contains(end))
        #expect(paidText.contains("CPD-2026-00001") && freeText.contains("CPD-2026-00001"))
    }
}
