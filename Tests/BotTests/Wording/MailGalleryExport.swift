import Foundation
import Regulation
import Staff
import Store
import Testing
@testable import Bot

/// For scripts/mail-gallery: writes one receipt, Plan announcement and certificate notice per
/// language, and two of DSHR's mails (a poison note, the daily summary), as HTML and text into
/// $CPDBOT_MAIL_GALLERY. Does nothing when it is not set.
@Suite struct MailGalleryExport {
    static let names: [RosterPerson.Language: String] = [
        .kk: "Сейтқали Әлібек Қайратұлы", .ru: "Иванова Мария Петровна", .en: "Anna Smith",
    ]

    @Test func writeTheGallery() throws {
        guard let folder = ProcessInfo.processInfo.environment["CPDBOT_MAIL_GALLERY"] else { return }
        let library = TemplateLibrary(
            directory: ReplySamples.templates,
            signature: MailSignature(contact: "Әлиева Аида Серікқызы", phone: "+7 727 307 00 00", room: "214", email: "dshr@kazguu.kz"))
        for language in RosterPerson.Language.allCases {
            let strings = try library.strings(language)
            let name = Self.names[language] ?? ""
            let course = Course(id: "PK-07", title: "Белсенді оқыту әдістері / Active learning methods", group: .teachingAndUpbringing,
                                audience: .pps, kind: .qualification, location: .domestic, term: .medium, hours: 72,
                                startDate: CivilDate(text: "2026-09-14")!, endDate: CivilDate(text: "2026-10-30")!,
                                language: .ru, delivery: .offline, costKZT: 150_000)
            let plan = Plan(courses: [course], assignments: [Assignment(courseID: "PK-07", participantEmail: "a@kazguu.kz", row: 2)])
            let person = RosterPerson(email: "a@kazguu.kz", fullName: name, category: .pps, unit: "Құқық жоғары мектебі",
                                      role: .staff, leadership: false, language: language)
            let stored = StoredPlan(slot: "2026-2027", cycle: "2026-2027", state: .confirmed, fileName: "plan.xlsx",
                                    storedFile: "plan.xlsx", sha256: "x", approvalDate: CivilDate(text: "2026-07-03")!,
                                    approvalLine: nil, deadline: CivilDate(text: "2026-07-13")!, from: "dshr@kazguu.kz",
                                    receivedAt: Date(), previewMessageID: "<p@x>")
            let record = CompletionRecord(row: 2, courseID: "PK-07", participantEmail: "a@kazguu.kz", status: .completed,
                                          completionDate: CivilDate(text: "2026-10-30")!)
            let result = CompletionEvaluator(plan: plan).evaluate([record]).results[0]
            var receipt = ReplySamples.contexts(strings)[1].1
            receipt["name"] = name
            let mails: [(String, String, [String: Any])] = [
                ("receipt", "receipt", receipt),
                ("announcement", "plan_announcement", PlanContexts.announcement(person: person, stored: stored, plan: plan)),
                ("certificate", "course_result", CompletionContexts.notice(name: name, course: course, result: result,
                                                                           certificate: "CPD-2026-00042")),
                // Two of DSHR's own: a failure worded for DSHR, with the administrator's line; the day's summary.
                ("poison-note", "poison_note", PoisonNoteContext(
                    message: ReplySamples.message, attempts: 1, folder: "Rejected", failure: .calendar,
                    technical: "holidays-kz.yml has no year 2027: add it (with Kurban Ait) before planning").values()),
                ("daily-summary", "dshr_daily_summary", SummaryTemplatesTests.summary),
            ]
            for (label, template, context) in mails {
                let reply = try library.render(template, language: language, context: context)
                let base = URL(fileURLWithPath: folder).appendingPathComponent("\(language.rawValue)-\(label)")
                try reply.html.write(to: base.appendingPathExtension("html"), atomically: true, encoding: .utf8)
                try ("Subject: \(reply.subject)\n\n" + reply.text).write(to: base.appendingPathExtension("txt"), atomically: true, encoding: .utf8)
            }
        }
    }
}
