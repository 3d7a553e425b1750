import Config
import Foundation
import ICalendar
import MIME
import Regulation
import Staff
import Store

/// What an announcement run did.
public struct AnnouncementSummary: Sendable, Equatable, Codable {
    /// People on the roster (each gets one announcement).
    public var recipients: Int
    /// Queued by this run.
    public var queued: Int
    /// Queued by an earlier run (a resumed or repeated announcement sends nothing twice).
    public var alreadyQueued: Int
    /// Of `queued`: announcements that had failed for good and are queued once more.
    public var retried = 0
}

/// §7.7: every person on the roster learns the Plan by e-mail, in their language, with their own
/// courses on top, the Plan attached and their courses as calendar entries (`PlanCalendar`). Each person's message has the purpose
/// `announce:<slot>:<email>`, so a run that stopped halfway resumes without sending anyone a
/// second copy; the outbox sends them at its own pace. A run over an announced Plan queues what
/// is missing (people new to the roster) and requeues the announcements that failed for good.
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
        var stringTables: [RosterPerson.Language: ReplyStrings] = [:]
        func strings(_ language: RosterPerson.Language) throws -> ReplyStrings {
            if let read = stringTables[language] { return read }
            let read = try TemplateLibrary(directory: environment.templatesDirectory).strings(language)
            stringTables[language] = read
            return read
        }
        func attachment(_ language: RosterPerson.Language) throws -> OutgoingMessage.Attachment {
            if let made = attachments[language] { return made }
            let strings = try strings(language)
            let file = try PlanWorkbook.courseList(plan, cycle: stored.cycle, language: language.wording, strings: strings)
            let made = OutgoingMessage.Attachment(
                filename: file.filename, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                bytes: file.bytes)
            attachments[language] = made
            return made
        }
        var summary = AnnouncementSummary(recipients: people.count, queued: 0, alreadyQueued: 0)
        let calendar = PlanCalendar(templatesDirectory: environment.templatesDirectory, domain: environment.domain,
                                    organizer: environment.configuration.bot.address)
        let stamp = environment.now()
        let (withdrawn, announcedBefore) = try earlierAnnouncements(of: stored, plan: plan)
        for person in people {
            let purpose = stored.announcementPurpose(to: person.email)
            if let earlier = try mail.queued(purpose: purpose) {
                // Confirming again (DSHR's reply, the console's Retry) gives a message the server
                // refused for good one more try, to the same address; anything else is left alone.
                if case .failedPermanent = earlier.state,
                   try environment.store.outbox.requeueFailed(messageID: earlier.messageID, now: environment.now()) {
                    summary.queued += 1
                    summary.retried += 1
                } else {
                    summary.alreadyQueued += 1
                }
                continue
            }
            let attachment = try attachment(person.language)
            let values = PlanContexts.announcement(person: person, stored: stored, plan: plan)
            var files = [attachment]
            // The person's own courses as calendar entries (none for someone with no course), and
            // the entries a later Plan updates or withdraws.
            let email = person.email.lowercased()
            let calendarFiles = try calendar.files(for: person, plan: plan, slot: stored.slot, stamp: stamp,
                                                   announcedBefore: announcedBefore.contains(email), cancelled: withdrawn[email] ?? [])
            for file in calendarFiles {
                // Named like the course list, in the reader's language ("Курстар_жоспары_2026-2027.ics");
                // the withdrawn entries as "Болдырылмаған_курстар_2026-2027.ics".
                let name = file.method == .cancel
                    ? PlanWorkbook.fileName(try strings(person.language).attachment("calendar_cancelled_file", ["cycle": stored.cycle])) + ".ics"
                    : (attachment.filename as NSString).deletingPathExtension + ".ics"
                files.append(OutgoingMessage.Attachment(filename: name, mimeType: file.mimeType, bytes: file.bytes))
            }
            let queued = try mail.send(ReplyWriter.Request(
                template: "plan_announcement", language: person.language.rawValue, context: { _ in values },
                to: [CycleMail.mailbox(person)], purpose: purpose,
                autoSubmitted: "auto-generated", attachments: files))
            if queued { summary.queued += 1 } else { summary.alreadyQueued += 1 }
        }
        var announced = stored
        announced.state = .announced
        announced.announcedAt = announced.announcedAt ?? environment.now()
        try plans.save(announced)
        return summary
    }

    /// What earlier announced Plans of the cycle told people: the courses a person was given by
    /// an earlier Plan that `stored` (a later Plan with the same course ids) no longer gives
    /// them – their calendar entries are cancelled – and everyone who was sent calendar entries
    /// before, whose entries this Plan updates rather than publishes again.
    private func earlierAnnouncements(of stored: StoredPlan, plan: Plan) throws
        -> (withdrawn: [String: [Course]], announcedBefore: Set<String>) {
        let redefined = Set(plan.courses.map(\.id))
        let now = Set(plan.assignments.map { $0.courseID + "\u{0}" + $0.participantEmail })
        var withdrawn: [String: [Course]] = [:]
        var announced: Set<String> = []
        var seen: Set<String> = []
        for earlier in try plans.plans(cycle: stored.cycle)
        where earlier.state == .announced && PlanStore.slotOrder(earlier.slot, stored.slot) {
            let before = try plans.reading(of: earlier).plan
            for assignment in before.assignments {
                announced.insert(assignment.participantEmail)
                guard redefined.contains(assignment.courseID) else { continue }
                let key = assignment.courseID + "\u{0}" + assignment.participantEmail
                guard !now.contains(key), seen.insert(key).inserted, let course = before.course(id: assignment.courseID) else { continue }
                withdrawn[assignment.participantEmail, default: []].append(course)
            }
        }
        return (withdrawn, announced)
    }
}
