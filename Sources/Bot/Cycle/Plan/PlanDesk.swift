import Config
import Digest
import Documents
import Foundation
import Intake
import MIME
import Regulation
import Staff
import Store

/// The `[PLAN]` command and what follows it: the Plan is read, checked and stored, DSHR gets a
/// preview, and only DSHR's confirmation (a reply to the preview, or `cpdbot plan announce`)
/// sends the announcement to the staff.
struct PlanDesk {
    let environment: BotEnvironment
    let mail: CycleMail
    let rules: CycleRules
    var plans: PlanStore { PlanStore(store: environment.store) }

    /// What a `[PLAN]` message led to, for the journal.
    enum Result: Equatable {
        case previewed(slot: String, problems: Int)
        case unreadable
    }

    // MARK: [PLAN]

    func receive(from person: RosterPerson, reading: MessageReading, hash: String, roster: Roster) throws -> Result {
        guard let (file, planReading, bytes) = findPlan(in: reading) else {
            try replyUnreadable(to: person, reading: reading, hash: hash)
            return .unreadable
        }
        let arrival = try PlanArrival(subject: reading.summary.subject, body: reading.message.readableText(),
                                      receivedOn: CivilDate(reading.receivedAt, in: environment.timeZone),
                                      policy: rules.policy.cycle, calendar: rules.calendar)
        let (approval, deadline, cycle) = (arrival.approval, arrival.deadline, arrival.cycle)
        let sha = SHA256.hexDigest(bytes)
        let (slot, existing) = try plans.slot(cycle: cycle, sha256: sha,
                                                  courseIDs: Set(planReading.plan.courses.map(\.id)))
        let previewPurpose = "plan-preview:\(slot):\(sha)"
        var stored = existing ?? StoredPlan(
            slot: slot, cycle: cycle, state: .previewed, fileName: ReplyContext.visible(file.filename),
            storedFile: "plan.\(PlanArrival.storedFileExtension(of: file.filename))", sha256: sha, approvalDate: approval,
            approvalLine: arrival.approvalLine, deadline: deadline, from: person.email, receivedAt: reading.receivedAt,
            previewMessageID: mail.messageID(purpose: previewPurpose))
        if existing == nil { try plans.save(stored, file: Data(bytes)) }
        stored.approvalDate = approval
        stored.deadline = deadline
        stored.approvalLine = arrival.approvalLine
        if existing != nil { try plans.save(stored) }

        let problems = PlanChecker(durations: rules.policy.durations).check(planReading.plan, roster: StaffRoster(roster))
        let applicants = try environment.store.applications.all(cycle: cycle).map(\.email)
        let leftOut = PlanChecker().applicantsLeftOut(of: planReading.plan, applicants: applicants)
        var values = PlanContexts.preview(name: person.fullName, stored: stored, plan: planReading.plan,
                                          issues: planReading.issues, problems: problems,
                                          leftOut: leftOut, today: CivilDate(environment.now(), in: environment.timeZone))
        // Every person on the roster gets one announcement: at a provider's pace that can take hours.
        let learned = try environment.store.mailbox.load(mailbox: environment.configuration.imap.mailbox).serverSavesSent
        if let pace = AnnouncementPace.estimate(messages: roster.people.count, configuration: environment.configuration,
                                                learned: learned, deadline: deadline, start: environment.now()) {
            values.merge(pace.contextValues) { $1 }
            values["pace_people"] = roster.people.count
            values["pace_per_minute"] = environment.configuration.smtp.maxMessagesPerMinute
            values["pace_has_per_minute"] = environment.configuration.smtp.maxMessagesPerMinute > 0
        }
        let original = reading.summary.messageId.map(ReplyContext.bracketed)
        try mail.send(ReplyWriter.Request(
            template: "plan_preview", language: person.language.rawValue, context: { _ in values },
            to: [CycleMail.mailbox(person)], purpose: previewPurpose, inReplyTo: original,
            references: original.map { [$0] } ?? []))
        return .previewed(slot: slot, problems: problems.count + planReading.issues.count)
    }

    /// The first attachment that reads as a Plan.
    private func findPlan(in reading: MessageReading) -> (IncomingFile, PlanReading, [UInt8])? {
        for verdict in reading.files where verdict.file.role == .attachment && !verdict.file.hasHostileName {
            guard let bytes = verdict.file.bytes,
                  let document = try? DocumentReader.read(bytes: bytes, fileName: verdict.file.filename),
                  let planReading = try? PlanTableReader().read(document),
                  !planReading.plan.assignments.isEmpty else { continue }
            return (verdict.file, planReading, bytes)
        }
        return nil
    }

    private func replyUnreadable(to person: RosterPerson, reading: MessageReading, hash: String) throws {
        var problems: [[String: Any]] = []
        for verdict in reading.files where verdict.file.role == .attachment {
            let name = ReplyContext.visible(verdict.file.filename)
            // A flag per kind: each language's template words it (no English detail in the mail).
            guard let bytes = verdict.file.bytes else { problems.append(["file": name, "damaged": true]); continue }
            let document: Document
            do {
                document = try DocumentReader.read(bytes: bytes, fileName: verdict.file.filename)
            } catch {
                problems.append(["file": name, "damaged": true])
                continue
            }
            if (try? PlanTableReader().read(document)) != nil {
                problems.append(["file": name, "no_rows": true])
            } else {
                problems.append(["file": name, "not_a_plan": true])
            }
        }
        let values: [String: Any] = ["name": person, "original_subject": reading.summary.subject ?? "",
                                     "is_plan": true, "plan_unreadable": true, "has_files": !problems.isEmpty,
                                     "files": problems]
        try mail.send(ReplyWriter.Request(
            template: "command_result", language: person.language.rawValue, context: { _ in values },
            to: [CycleMail.mailbox(person)], purpose: "reply-command:\(hash)",
            inReplyTo: reading.summary.messageId.map(ReplyContext.bracketed)))
    }

    // MARK: Confirmation

    /// The Plan a DSHR message confirms: a reply to its preview whose own text confirms.
    func confirmedPlan(by reading: MessageReading, sender: RosterPerson?) throws -> StoredPlan? {
        guard let sender, sender.role == .dshr || environment.configuration.bot.dshr.contains(sender.email.lowercased()),
              reading.summary.from?.lowercased() == sender.email.lowercased() else { return nil }
        let ids = reading.message.inReplyTo + reading.message.references
        guard !ids.isEmpty else { return nil }
        var found: StoredPlan?
        for id in ids.reversed() { if let plan = try plans.plan(previewMessageID: id) { found = plan; break } }
        guard let plan = found, PlanConfirmation.confirms(reading.message.readableText()) else { return nil }
        return plan
    }

    /// Confirms and announces; DSHR gets a note with the figures.
    func confirm(_ plan: StoredPlan, by person: RosterPerson, reading: MessageReading, hash: String,
                 roster: Roster) throws -> AnnouncementSummary {
        var plan = plan
        if plan.state == .previewed {
            plan.state = .confirmed
            plan.confirmedBy = person.email
            plan.confirmedAt = environment.now()
            try plans.save(plan)
        }
        let summary = try PlanAnnouncer(environment: environment, mail: mail, plans: plans).announce(plan, roster: roster)
        let values: [String: Any] = [
            "name": person, "original_subject": reading.summary.subject ?? "", "is_confirmation": true,
            "cycle": plan.cycle, "file_name": plan.fileName, "queued": summary.queued, "already": summary.alreadyQueued, "has_already": summary.alreadyQueued > 0,
            "retried": summary.retried, "has_retried": summary.retried > 0,
            "recipients": summary.recipients, "deadline": plan.deadline,
        ]
        try mail.send(ReplyWriter.Request(
            template: "command_result", language: person.language.rawValue, context: { _ in values },
            to: [CycleMail.mailbox(person)], purpose: "plan-confirmed:\(plan.slot):\(hash)",
            inReplyTo: reading.summary.messageId.map(ReplyContext.bracketed)))
        return summary
    }
}
