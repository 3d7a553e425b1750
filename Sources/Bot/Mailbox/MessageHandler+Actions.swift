import Applications
import Config
import Foundation
import Intake
import Logging
import MIME
import Staff
import Store

extension MessageHandler {
    func act(on decision: RoutingDecision, reading: MessageReading, hash: String, context: inout PassContext) throws {
        switch decision.action {
        case .storeAndReceipt:
            guard let head = decision.person else { return }
            try storeApplication(head: head, reading: reading, hash: hash, context: &context)
        case let .rejectWithReply(reason):
            try refuse(reason, decision: decision, reading: reading, hash: hash, context: &context)
        case .ignoreNoReply:
            break
        case let .reportToDSHR(reason):
            let notice = DSHRNotice(reason, summary: reading.summary)
            if case let .bounce(failed, original) = notice {
                try environment.store.journal.append(JournalEvent(
                    at: environment.now(), event: .bounced, messageID: original, from: reading.summary.from,
                    detail: "failed recipients: " + failed.joined(separator: ", "), sha256: hash))
            }
            try reportToDSHR(notice, reading: reading, hash: hash, person: decision.person)
        case let .dshrCommand(command):
            guard let person = decision.person else { return }
            try handleCommand(command, from: person, reading: reading, hash: hash)
        }
    }

    // MARK: Applications

    private func storeApplication(head: RosterPerson, reading: MessageReading, hash: String,
                                  context: inout PassContext) throws {
        let repository = environment.store.applications
        // The cycle comes from the time of receipt alone, so the unit's rows can be looked up first.
        let cycle = ApplicationCycle.of(receivedAt: reading.receivedAt, calendar: .init(timeZone: environment.timeZone))
        let current = try repository.rows(unit: head.unit, cycle: cycle.name)
        let decision = ApplicationDecision(receivedAt: reading.receivedAt, calendar: .init(timeZone: environment.timeZone), messageID: reading.summary.messageId, hash: hash,
                                           stored: current.first.map { ($0.receivedAt, $0.messageID) })
        let messageID = decision.messageID
        let stored = reading.validRows.map { sourced in
            let row = sourced.row
            return StoredApplicationRow(
                no: row.no, school: row.school, fullName: row.fullName, trainingDirection: row.trainingDirection,
                programme: row.programme, lastCourse: row.lastCourse, lastCourseDate: row.lastCourseDate,
                lastCourseHours: row.lastCourseHours, phone: row.phone, email: row.email ?? "",
                unit: head.unit, submittedBy: head.email, messageID: messageID, receivedAt: reading.receivedAt,
                sourceFile: sourced.sourceFile, cycle: cycle.name, late: cycle.late)
        }
        var change: ApplicationChange?
        if !decision.replacesStored {
            environment.logger.info("application of \(head.unit) in \(messageID) is older than the stored one; kept in the archive only")
        } else {
            let replaced = try repository.replace(unit: head.unit, cycle: cycle.name, rows: stored, now: environment.now())
            change = ApplicationChange(replacing: replaced, with: stored)
        }
        var receipt = ReplyContext.receipt(head: head, reading: reading, stored: stored, cycle: cycle, change: change)
        receipt.listedRows = environment.configuration.replies.receiptListedRows
        let forwarder = reading.message.sender.flatMap { $0.lowercasedAddress == head.email ? nil : $0 }
        try reply(template: "receipt", to: Mailbox(displayName: head.fullName, address: head.email),
                  cc: forwarder.map { [$0] } ?? [], language: head.language.rawValue,
                  values: { receipt.values($0) }, purpose: "reply-receipt:\(hash)", reading: reading, context: &context)
    }

    // MARK: Refusals

    private func refuse(_ reason: RejectReason, decision: RoutingDecision, reading: MessageReading,
                        hash: String, context: inout PassContext) throws {
        guard let address = decision.replyTo ?? reading.summary.from,
              !ReplyContext.isMachineAddress(address), reading.message.returnPath != "" else { return }
        let person = context.roster.person(address: address)
        let senderName = reading.message.sender?.lowercasedAddress == address.lowercased() ? reading.message.sender?.displayName : nil
        let name = person?.fullName ?? senderName
        // Someone the roster does not know is answered in the language they wrote in.
        let language = person?.language.rawValue
            ?? ReplyContext.languageOfText(reading, fallback: environment.configuration.bot.language.rawValue)
        let subject = reading.summary.subject
        let template: String
        let values: (ReplyStrings) -> [String: Any]
        switch reason {
        case .unknownSender:
            template = "reject_unknown_sender"
            let built = UnknownSenderContext(address: address, originalSubject: subject)
            values = { _ in built.values() }
        case .senderNotAllowed:
            template = "reject_sender_not_allowed"
            guard let person else { return }
            let built = SenderNotAllowedContext(person: person, heads: context.roster.heads(of: person.unit))
            values = { _ in built.values() }
        case .forwardedAuthorUnknown, .dshrMessageNotUnderstood:
            template = "reject_dshr_message"
            let built = DSHRMessageContext(name: name ?? address, reason: reason, originalSubject: subject)
            values = { _ in built.values() }
        case let .unitMismatch(named):
            template = "reject_unit_mismatch"
            var built: [String: Any] = ["unit": person?.unit ?? "", "named_unit": named]
            if let name { built["name"] = name }
            if let subject { built["original_subject"] = subject }
            let fixed = built
            values = { _ in fixed }
        case let .files(problems):
            template = "reject_file"
            let shown = problems.map { FileProblem(fileName: $0.fileName.map(ReplyContext.visible), kind: $0.kind) }
            let built = RejectFileContext(name: name, problems: shown,
                                          maximumSize: ByteCount(environment.configuration.limits.maxAttachmentBytes),
                                          originalSubject: subject)
            values = { _ in built.values() }
        }
        try reply(template: template, to: Mailbox(displayName: name, address: address), cc: [], language: language,
                  values: values, purpose: "reply-refusal:\(hash)", reading: reading, context: &context)
    }

    // MARK: Refused messages

    /// A message refused whole (over a limit, damaged): DSHR is told who sent what and which
    /// limit with both figures; the sender, when the roster knows them and the mail is a
    /// person's, gets a reply in their language saying what to send instead.
    func refuse(_ refusal: MessageRefusal, header: ParsedMessage?, receivedAt: Date, hash: String,
                context: inout PassContext) throws {
        let summary = header.map { MessageSummary.summarise($0) }
        var person: RosterPerson?
        var told = false
        if let summary, let header, summary.fromAll.count == 1, let from = summary.from,
           let known = context.roster.person(address: from), !summary.autoReply, header.returnPath != "",
           !ReplyContext.isMachineAddress(from), !isForged(summary) {
            person = known
            let values = refusal.replyValues(name: known.fullName, originalSubject: summary.subject)
            told = try reply(template: "reject_message", to: Mailbox(displayName: known.fullName, address: known.email),
                             cc: [], language: known.language.rawValue, values: { _ in values },
                             purpose: "reply-refusal:\(hash)", originalMessageID: summary.messageId, references: [],
                             context: &context)
        }
        let recipients = environment.configuration.bot.dshr.map { Mailbox(displayName: nil, address: $0) }
        guard !recipients.isEmpty else { return }
        let from = summary.map { $0.fromAll.isEmpty ? $0.from : $0.fromAll.joined(separator: ", ") } ?? nil
        var values = NotedMessage(from: from, subject: summary?.subject, date: nil,
                                  messageID: summary?.messageId,
                                  receivedAt: MailTimestamp(receivedAt, in: environment.timeZone)).values()
        values["folder"] = folders.rejected
        values.merge(refusal.reportValues()) { _, new in new }
        if let person {
            values["sender_name"] = person.fullName
            values["unit"] = person.unit
        }
        values["sender_told"] = told
        let report = values
        try replies.enqueue(ReplyWriter.Request(
            template: "report_to_dshr", language: environment.configuration.bot.language.rawValue, context: { _ in report },
            to: recipients, purpose: "report:\(hash)", autoSubmitted: "auto-generated"))
    }

    /// The trusted server says the From is forged: such mail is never answered.
    private func isForged(_ summary: MessageSummary) -> Bool {
        guard let auth = summary.authenticationResults,
              auth.authservId.lowercased() == environment.configuration.bot.trustedAuthservID.lowercased() else { return false }
        return RoutingFacts.isSpoofed(dmarc: auth.dmarc, spf: auth.spf, dkim: auth.dkim)
    }

    // MARK: Sending helpers

    private func reply(template: String, to recipient: Mailbox, cc: [Mailbox], language: String,
                       values: @escaping (ReplyStrings) -> [String: Any], purpose: String, reading: MessageReading,
                       context: inout PassContext) throws {
        try reply(template: template, to: recipient, cc: cc, language: language, values: values, purpose: purpose,
                  originalMessageID: reading.summary.messageId, references: reading.message.references, context: &context)
    }

    /// Queues a reply unless it was queued before or the sender is over the hourly limit;
    /// true when it is (or already was) in the outbox.
    @discardableResult
    private func reply(template: String, to recipient: Mailbox, cc: [Mailbox], language: String,
                       values: @escaping (ReplyStrings) -> [String: Any], purpose: String, originalMessageID: String?,
                       references: [String], context: inout PassContext) throws -> Bool {
        let messageID = MessageComposer.messageID(key: purpose, domain: environment.domain)
        if context.deferredReplies?.holds(messageID) == true { return true }
        if try environment.store.outbox.entry(messageID: messageID) != nil { return true }
        guard context.replyLimiter.allow(recipient.address) else {
            environment.logger.warning("reply to \(recipient.lowercasedAddress) not sent: over the hourly limit")
            try environment.store.journal.append(JournalEvent(
                at: environment.now(), event: "reply_suppressed", messageID: originalMessageID,
                from: recipient.lowercasedAddress, detail: "over \(context.replyLimiter.perHour) replies an hour"))
            return false
        }
        let original = originalMessageID.map(ReplyContext.bracketed)
        let request = ReplyWriter.Request(
            template: template, language: language, context: values, to: [recipient], cc: cc, purpose: purpose,
            inReplyTo: original, references: references.map(ReplyContext.bracketed) + (original.map { [$0] } ?? []))
        if let pipeline = context.deferredReplies {
            pipeline.submit(request, at: environment.now())
        } else {
            try replies.enqueue(request)
        }
        return true
    }

    // MARK: DSHR

    func reportToDSHR(_ notice: DSHRNotice, reading: MessageReading?, hash: String, person: RosterPerson? = nil) throws {
        let recipients = environment.configuration.bot.dshr.map { Mailbox(displayName: nil, address: $0) }
        guard !recipients.isEmpty else { return }
        let noted = ReplyContext.noted(reading, timeZone: environment.timeZone)
        let template: String
        let values: [String: Any]
        var thread: String?
        switch notice {
        case let .bounce(failed, original):
            var bouncedSubject: String?
            var bounceValues: [String: Any] = [:]
            if let original, let sent = try environment.store.outbox.entry(messageID: original) {
                bouncedSubject = sent.subject
                // A Plan's announcement that came back (a server may accept first and return it
                // later, as Microsoft 365 does): failed for good, so that DSHR's next "confirm" –
                // in reply to this notice, which joins the preview's thread – sends it once more.
                if let plan = try PlanStore(store: environment.store).plan(ofAnnouncement: sent.purpose) {
                    try environment.store.outbox.markReturned(
                        messageID: sent.messageID, reason: "returned undelivered: " + failed.joined(separator: ", "),
                        now: environment.now())
                    thread = ReplyContext.bracketed(plan.previewMessageID)
                    bounceValues = ["is_announcement": true, "in_plan_thread": true]
                }
            }
            template = "report_to_dshr"
            values = ReportContext(reason: .bounce, message: noted, failedRecipient: failed.joined(separator: ", "),
                                   bouncedSubject: bouncedSubject).values().merging(bounceValues) { $1 }
        case let .spoofed(claimed):
            template = "report_to_dshr"
            values = ReportContext(reason: .spoofed(claimedFrom: claimed), message: noted).values()
        case .questionWithoutApplication:
            template = "report_to_dshr"
            values = ReportContext(reason: .questionWithoutApplication, message: noted,
                                   senderName: person?.fullName, unit: person?.unit).values()
        case .noSender:
            template = "report_to_dshr"
            values = ReportContext(reason: .noSender, message: noted).values()
        case let .authorUnclear(problem):
            template = "report_to_dshr"
            values = ReportContext(reason: .authorUnclear(problem), message: noted).values()
        case let .processingFailed(kind, technical):
            template = "poison_note"
            values = PoisonNoteContext(message: noted, attempts: 1, folder: folders.rejected,
                                       failure: kind, technical: technical).values()
        }
        try replies.enqueue(ReplyWriter.Request(
            template: template, language: environment.configuration.bot.language.rawValue, context: { _ in values },
            to: recipients, purpose: "report:\(hash)", inReplyTo: thread, references: thread.map { [$0] } ?? [],
            autoSubmitted: "auto-generated"))
    }

    private func handleCommand(_ command: DSHRCommand, from person: RosterPerson, reading: MessageReading, hash: String) throws {
        var values: [String: Any] = ["name": person, "command": command.rawValue,
                                     "original_subject": reading.summary.subject ?? ""]
        switch command {
        case .roster:
            let file = reading.files.first {
                $0.file.role == .attachment && $0.file.bytes != nil && $0.file.filename.lowercased().hasSuffix(".csv")
            }
            if let file, let bytes = file.file.bytes {
                do {
                    let diff = try environment.store.roster.replace(with: Data(bytes), sourceName: ReplyContext.visible(file.file.filename))
                    func line(_ p: RosterPerson) -> [String: Any] { ["full_name": p.fullName, "email": p.email, "unit": p.unit] }
                    values["roster_replaced"] = true
                    values["added"] = diff.added.map(line)
                    values["removed"] = diff.removed.map(line)
                    values["changed"] = diff.changed.map { line($0.after) }
                    values["roster_unchanged"] = diff.isEmpty
                } catch let error as StoreError {
                    guard case let .rosterInvalid(_, issues) = error else { throw error }
                    // Each problem worded in DSHR's language (`roster.<kind>` in strings.json).
                    values.merge(RosterErrorContext.values(issues)) { _, new in new }
                }
            } else {
                values["roster_missing"] = true
            }
        case .plan:
            // The preview (or the note that no Plan was found) is the reply.
            let roster = try environment.store.roster.load()
            _ = try cycleDesk().plan.receive(from: person, reading: reading, hash: hash, roster: roster)
            return
        case .completions:
            let roster = try environment.store.roster.load()
            _ = try cycleDesk().completions.receive(from: person, reading: reading, hash: hash, roster: roster)
            return
        }
        values["is_\(command.rawValue)"] = true
        try replies.enqueue(ReplyWriter.Request(
            template: "command_result", language: person.language.rawValue, context: { _ in values },
            to: [Mailbox(displayName: person.fullName, address: person.email)], purpose: "reply-command:\(hash)",
            inReplyTo: reading.summary.messageId.map(ReplyContext.bracketed)))
    }
}

extension RoutingDecision {
    var journalDetail: String {
        switch action {
        case .storeAndReceipt: "application of \(unit ?? "?") from \(effectiveSender ?? "?")"
        case let .rejectWithReply(reason): "refused: \(reason)"
        case .ignoreNoReply: "auto-generated: not answered"
        case let .reportToDSHR(reason): "reported to DSHR: \(reason)"
        case let .dshrCommand(command): "command \(command.rawValue) from \(effectiveSender ?? "?")"
        }
    }
}
