import Foundation
import MIME
import Regulation
import Store

/// What an announcement run did.
public struct AnnouncementSummary: Sendable, Equatable, Codable {
    /// People on the roster (each gets one announcement).
    public var recipients: Int
    /// Queued by this run.
    public var queued: Int
    /// Queued by an earlier run (a resumed or repeated announcement sends nothing twice).
    public var alreadyQueued: Int
}

/// §7.7: every person on the roster learns the Plan by e-mail, in their language, with their own
/// courses on top and the Plan attached. Each person's message has the purpose
/// `announce:<slot>:<email>`, so a run that stopped halfway resumes without sending anyone a
/// second copy; the outbox sends them at its own pace.
struct PlanAnnouncer {
    let environment: BotEnvironment
    let mail: CycleMail
    let plans: PlanStore
    /// The most recipients one run queues; a roster is a few thousand people.
    var maxRecipients = 50_000

    func announce(_ stored: StoredPlan, roster: Roster) throws -> AnnouncementSummary {
        let plan = try plans.reading(of: stored).plan
        let people = roster.people
        guard people.count <= maxRecipients else {
            throw CycleError.tooMany(what: "people on the roster", actual: people.count, maximum: maxRecipients)
        }
        // The course list in each reader's language, made once per language.
        var attachments: [RosterPerson.Language: OutgoingMessage.Attachment] = [:]
        func attachment(_ language: RosterPerson.Language) throws -> OutgoingMessage.Attachment {
            if let made = attachments[language] { return made }
            let strings = try TemplateLibrary(directory: environment.templatesDirectory).strings(language)
            let file = try PlanWorkbook.courseList(plan, cycle: stored.cycle, language: language.wording, strings: strings)
            let made = OutgoingMessage.Attachment(
                filename: file.filename, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                bytes: file.bytes)
            attachments[language] = made
            return made
        }
        var summary = AnnouncementSummary(recipients: people.count, queued: 0, alreadyQueued: 0)
        for person in people {
            let attachment = try attachment(person.language)
            let values = PlanContexts.announcement(person: person, stored: stored, plan: plan)
            let queued = try mail.send(ReplyWriter.Request(
                template: "plan_announcement", language: person.language.rawValue, context: { _ in values },
                to: [CycleMail.mailbox(person)], purpose: "announce:\(stored.announcementKey):\(person.email.lowercased())",
                autoSubmitted: "auto-generated", attachments: [attachment]))
            if queued { summary.queued += 1 } else { summary.alreadyQueued += 1 }
        }
        var announced = stored
        announced.state = .announced
        announced.announcedAt = announced.announcedAt ?? environment.now()
        try plans.save(announced)
        return summary
    }
}
