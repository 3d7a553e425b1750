import Config
import Documents
import Foundation
import MIME
public import Regulation
import Staff
import Store

/// What `cpdbot remind` did.
public struct ReminderReport: Sendable, Equatable, Codable {
    /// The day run, `yyyy-mm-dd`.
    public var date: String
    /// Per kind (`call`, `applications`, `summary`, `plan`, `announcement`): queued now.
    public var queued: [String: Int] = [:]
    /// Due today but queued by an earlier run (running twice a day sends once).
    public var alreadyQueued = 0
}

extension CycleDesk {
    /// `cpdbot remind [--today DATE]`: the call for applications, the reminders before 1 June,
    /// the 2 June summary, the Plan and announcement reminders – whatever the policy makes due
    /// on `today`, each once (purpose `remind:<kind>:<cycle>:<date>:<email>`).
    public func remind(today: CivilDate) throws -> ReminderReport {
        let roster = try environment.store.roster.load()
        let cycle = CyclePolicy.cycleName(startingIn: today.year)
        let applied = Set(try environment.store.applications.all(cycle: cycle).map(\.unit))
        let storedPlans = try plans.all()
        let due = try ReminderPlanner(rules: rules).due(today: today, roster: roster, appliedUnits: applied,
                                                         plans: storedPlans, dshr: environment.configuration.bot.dshr)
        var report = ReminderReport(date: today.iso)
        var workbooks: [String: OutgoingMessage.Attachment] = [:]
        for reminder in due {
            let language = reminder.recipient?.language.rawValue ?? environment.configuration.bot.language.rawValue
            var attachments: [OutgoingMessage.Attachment] = []
            if reminder.kind == .call {
                if workbooks[language] == nil { workbooks[language] = try appendixOne(language: language) }
                attachments = workbooks[language].map { [$0] } ?? []
            }
            let values = ReminderContexts.values(reminder, name: reminder.recipient?.fullName)
            let to = reminder.recipient.map(CycleMail.mailbox) ?? Mailbox(displayName: nil, address: reminder.address)
            let template = [.call: "call_for_applications", .applications: "application_reminder"][reminder.kind] ?? "dshr_reminder"
            // The announcement reminder sits in the preview's thread, so that DSHR confirms by replying to it.
            let preview = reminder.kind == .announcement ? storedPlans.first { $0.slot == values["cycle"] as? String }?.previewMessageID : nil
            let queued = try mail.send(ReplyWriter.Request(
                template: template, language: language, context: { _ in values }, to: [to], purpose: reminder.purpose,
                inReplyTo: preview.map(ReplyContext.bracketed), references: preview.map { [ReplyContext.bracketed($0)] } ?? [],
                autoSubmitted: "auto-generated", attachments: attachments))
            if queued { report.queued[reminder.kind.rawValue, default: 0] += 1 } else { report.alreadyQueued += 1 }
        }
        return report
    }

    /// Appendix 1 with its column titles in `language` (from templates/<lang>/strings.json).
    func appendixOne(language: String) throws -> OutgoingMessage.Attachment {
        let strings = try TemplateLibrary(directory: environment.templatesDirectory)
            .strings(RosterPerson.Language(rawValue: language) ?? .kk)
        let keys = ["no", "school", "full_name", "training_direction", "programme", "last_course", "last_course_date",
                    "last_course_hours", "phone", "email"]
        let sheet = SpreadsheetWriter.Sheet(name: PlanWorkbook.sheetName(strings.attachment("appendix_sheet")),
                                            header: keys.map(strings.column), rows: [],
                                            columnWidths: [5, 24, 32, 28, 28, 36, 16, 12, 16, 28])
        // How to fill it in, on a second sheet in the head's language (the reader takes the table from the first).
        let help = strings.attachment("appendix_help").split(separator: "\n").map { [SpreadsheetWriter.Value.text(String($0))] }
        let helpSheet = SpreadsheetWriter.Sheet(name: PlanWorkbook.sheetName(strings.attachment("appendix_help_sheet")),
                                                header: [strings.attachment("appendix_help_sheet")], rows: help, columnWidths: [120])
        do {
            return OutgoingMessage.Attachment(
                filename: PlanWorkbook.fileName(strings.attachment("appendix_file")) + ".xlsx",
                mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                bytes: [UInt8](try SpreadsheetWriter.xlsx([sheet, helpSheet])))
        } catch {
            throw CycleError.workbook(error.description)
        }
    }
}

enum ReminderContexts {
    static func values(_ reminder: DueReminder, name: String?) -> [String: Any] {
        let cycle = reminder.cycle.split(separator: ":").first.map(String.init) ?? reminder.cycle
        var values: [String: Any] = [
            "name": name ?? "", "has_name": name != nil, "cycle": cycle,
            "is_summary": reminder.kind == .summary, "is_plan": reminder.kind == .plan,
            "is_announcement": reminder.kind == .announcement,
            "has_missing": !reminder.unitsMissing.isEmpty, "missing_count": reminder.unitsMissing.count,
            "missing": reminder.unitsMissing.map { ["unit": $0] },
            "applied_count": reminder.unitsApplied.count, "applied": reminder.unitsApplied.map { ["unit": $0] },
        ]
        if let deadline = reminder.deadline { values["deadline"] = deadline }
        if let person = reminder.recipient, name != nil { values["name"] = person }
        return values
    }
}
