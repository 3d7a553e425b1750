import Applications
import Foundation
import MIME
import Store

extension MessageHandler {
    func act(on decision: RoutingDecision, reading: MessageReading, hash: String, context: inout PassContext) throws {
        switch decision.action {
        case .storeAndReceipt:
            guard let head = decision.person else { return }
            try storeApplication(reading.validRows, head: head, reading: reading, hash: hash, context: &context)
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
            try reportToDSHR(notice, reading: reading, hash: hash)
        case let .dshrCommand(command):
            guard let person = decision.person else { return }
            try handleCommand(command, from: person, reading: reading, hash: hash)
        }
    }

    // MARK: Applications

    private func storeApplication(_ rows: [MessageReading.SourcedRow], head: RosterPerson, reading: MessageReading,
                                  hash: String, context: inout PassContext) throws {
        let cycle = ApplicationCycle.of(receivedAt: reading.receivedAt)
        let messageID = reading.summary.messageId ?? "sha256:\(hash)"
        let stored = rows.map { sourced in
            let row = sourced.row
            return StoredApplicationRow(
                no: row.no, school: row.school, fullName: row.fullName, trainingDirection: row.trainingDirection,
                programme: row.programme, lastCourse: row.lastCourse, lastCourseDate: row.lastCourseDate,
                lastCourseHours: row.lastCourseHours, phone: row.phone, email: row.email ?? "",
                unit: head.unit, submittedBy: head.email, messageID: messageID, receivedAt: reading.receivedAt,
                sourceFile: sourced.sourceFile, cycle: cycle.name, late: cycle.late)
        }
        let repository = environment.store.applications
        let current = try repository.rows(unit: head.unit, cycle: cycle.name)
        // Mail can arrive out of order: an older message never replaces a newer application.
        let isOlder = current.first.map { $0.receivedAt > reading.receivedAt && $0.messageID != messageID } ?? false
        let change = isOlder ? nil : try repository.replace(unit: head.unit, cycle: cycle.name, rows: stored,
                                                             now: environment.now())
        var receipt = ReplyContext.receipt(head: head, reading: reading, cycle: cycle, change: change,
                                           supersededByNewer: isOlder)
        receipt["sender_is_forwarder"] = reading.summary.from?.lowercased() != head.email
        try reply(template: "receipt", to: head, cc: forwarderCopy(reading, author: head, roster: context.roster),
                  language: head.language.rawValue, context: receipt, purpose: "reply-receipt:\(hash)",
                  reading: reading, context: &context)
    }

    // MARK: Refusals

    private func refuse(_ reason: RejectReason, decision: RoutingDecision, reading: MessageReading,
                        hash: String, context: inout PassContext) throws {
        guard let address = decision.replyTo ?? reading.summary.from,
              !ReplyContext.isMachineAddress(address), reading.message.returnPath != "" else { return }
        let person = context.roster.person(address: address)
        let displayName = person?.fullName
            ?? (reading.message.sender?.lowercasedAddress == address.lowercased() ? reading.message.sender?.displayName : nil)
        let language = person?.language.rawValue ?? environment.configuration.bot.language.rawValue
        let (template, extra) = ReplyContext.refusal(reason, reading: reading,
                                                     maxAttachmentBytes: environment.configuration.limits.maxAttachmentBytes)
        var values = ReplyContext.common(name: displayName, reading: reading)
        values.merge(extra) { _, new in new }
        try reply(template: template, to: Mailbox(displayName: displayName, address: address), cc: [],
                  language: language, context: values, purpose: "reply-refusal:\(hash)", reading: reading,
                  context: &context)
    }

    // MARK: Sending helpers

    private func reply(template: String, to person: RosterPerson, cc: [Mailbox], language: String,
                       context values: [String: Any], purpose: String, reading: MessageReading,
                       context: inout PassContext) throws {
        try reply(template: template, to: Mailbox(displayName: person.fullName, address: person.email), cc: cc,
                  language: language, context: values, purpose: purpose, reading: reading, context: &context)
    }

    private func reply(template: String, to recipient: Mailbox, cc: [Mailbox], language: String,
                       context values: [String: Any], purpose: String, reading: MessageReading,
                       context: inout PassContext) throws {
        if try environment.store.outbox.entry(messageID: MessageComposer.messageID(key: purpose, domain: environment.domain)) != nil {
            return
        }
        guard context.replyLimiter.allow(recipient.address) else {
            environment.logger.warning("reply to \(recipient.lowercasedAddress) not sent: over the hourly limit")
            try environment.store.journal.append(JournalEvent(
                at: environment.now(), event: "reply_suppressed", messageID: reading.summary.messageId,
                from: recipient.lowercasedAddress, detail: "over \(context.replyLimiter.perHour) replies an hour"))
            return
        }
        let original = reading.summary.messageId.map { "<\($0)>" }
        try replies.enqueue(ReplyWriter.Request(
            template: template, language: language, context: values, to: [recipient], cc: cc, purpose: purpose,
            inReplyTo: original, references: reading.message.references.map { "<\($0)>" } + (original.map { [$0] } ?? [])))
    }

    /// When DSHR forwarded a head's application, DSHR gets a copy of the receipt.
    private func forwarderCopy(_ reading: MessageReading, author: RosterPerson, roster: Roster) -> [Mailbox] {
        guard let sender = reading.message.sender, sender.lowercasedAddress != author.email else { return [] }
        return [Mailbox(displayName: sender.displayName, address: sender.address)]
    }

    // MARK: DSHR

    func reportToDSHR(_ reason: DSHRNotice, reading: MessageReading?, hash: String) throws {
        let recipients = environment.configuration.bot.dshr.map { Mailbox(displayName: nil, address: $0) }
        guard !recipients.isEmpty else { return }
        var values = ReplyContext.report(reason, reading: reading)
        if case let .bounce(_, original?) = reason, let sent = try environment.store.outbox.entry(messageID: original) {
            values["bounced_purpose"] = sent.purpose
            values["bounced_subject"] = sent.subject ?? ""
        }
        try replies.enqueue(ReplyWriter.Request(
            template: "report_to_dshr", language: environment.configuration.bot.language.rawValue, context: values,
            to: recipients, purpose: "report:\(hash)", autoSubmitted: "auto-generated"))
    }

    private func handleCommand(_ command: DSHRCommand, from person: RosterPerson, reading: MessageReading, hash: String) throws {
        var values = ReplyContext.common(name: person.fullName, reading: reading)
        values["command"] = command.rawValue
        switch command {
        case .roster:
            let file = reading.files.first { $0.file.role == .attachment && $0.file.bytes != nil
                && $0.file.filename.lowercased().hasSuffix(".csv") }
            if let file, let bytes = file.file.bytes {
                do {
                    let diff = try environment.store.roster.replace(with: Data(bytes), sourceName: file.file.filename)
                    values.merge(ReplyContext.rosterChange(diff)) { _, new in new }
                } catch let error as StoreError {
                    if case .rosterInvalid = error { values["roster_error"] = error.description } else { throw error }
                }
            } else {
                values["roster_error"] = "no roster.csv attached"
            }
        case .plan, .completions:
            // The Plan and completion workflows (issue "The Regulation's yearly cycle") read the
            // archived message; until they run here DSHR is told the file was kept, not acted on.
            values["pending_workflow"] = true
        }
        try replies.enqueue(ReplyWriter.Request(
            template: "command_result", language: person.language.rawValue, context: values,
            to: [Mailbox(displayName: person.fullName, address: person.email)], purpose: "reply-command:\(hash)",
            inReplyTo: reading.summary.messageId.map { "<\($0)>" }))
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
