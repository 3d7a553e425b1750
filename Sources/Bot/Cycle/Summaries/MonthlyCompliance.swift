import Config
import Foundation
import MIME
import Regulation
import Staff
import Store

/// Issue 6, item 6: the §6.3 findings (`CycleDesk.compliance`) go to DSHR once a month, on the
/// month's first working day in Kazakhstan, with the CSV attached (purpose `compliance:<YYYY-MM>`).
/// `cpdbot remind --today <that day>` sends a month the service missed.
struct MonthlyCompliance {
    static let purposePrefix = "compliance:"

    let desk: CycleDesk
    var limits = DSHRReportLimits()

    /// The first working day of `day`'s month (pure). A month the calendar does not hold is an error.
    static func firstWorkingDay(ofMonthOf day: CivilDate, calendar: HolidayCalendar) throws(RegulationError) -> CivilDate {
        guard var candidate = CivilDate(year: day.year, month: day.month, day: 1) else {
            throw .invalidArgument("\(day.iso) has no first of the month")
        }
        while candidate.month == day.month {
            if try calendar.isWorkingDay(candidate) { return candidate }
            candidate = candidate.adding(days: 1)
        }
        throw .invalidArgument("the calendar has no working day in \(String(day.iso.prefix(7)))")
    }

    func send(today: CivilDate) throws -> DSHRReportOutcome {
        let environment = desk.environment
        guard try Self.firstWorkingDay(ofMonthOf: today, calendar: desk.rules.calendar) == today else { return .nothingDue }
        let month = String(today.iso.prefix(7))
        let purpose = Self.purposePrefix + month
        if try environment.store.outbox.entry(messageID: desk.mail.messageID(purpose: purpose)) != nil { return .alreadyQueued }
        let dshr = environment.configuration.bot.dshr
        guard !dshr.isEmpty else { return .nothingDue }
        let roster = try environment.store.roster.load()
        let findings = try desk.compliance(asOf: today)
        let values = ComplianceContexts.values(findings: findings, roster: roster, asOf: today,
                                               policy: desk.rules.policy.training, listed: limits.complianceListed)
        let language = environment.configuration.bot.language
        let strings = try TemplateLibrary(directory: environment.templatesDirectory)
            .strings(RosterPerson.Language(rawValue: language.rawValue) ?? .kk)
        // A workbook, not a CSV: Excel set to Russian or Kazakh splits a CSV at ';', so a
        // comma-separated file would open as one column.
        let name = PlanWorkbook.fileName(strings.attachment("compliance_file", ["date": today.dotted])) + ".xlsx"
        let attachment = OutgoingMessage.Attachment(
            filename: name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            bytes: [UInt8](try ComplianceWorkbook.data(findings, roster: roster, strings: strings, asOf: today)))
        let queued = try desk.mail.send(ReplyWriter.Request(
            template: "compliance_report", language: environment.configuration.bot.language.rawValue,
            context: { _ in values }, to: dshr.map { Mailbox(displayName: nil, address: $0) }, purpose: purpose,
            autoSubmitted: "auto-generated", attachments: [attachment]))
        return queued ? .queued : .alreadyQueued
    }
}
