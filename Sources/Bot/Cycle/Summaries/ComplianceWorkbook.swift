import Documents
public import Foundation
public import Regulation
public import Staff
import Store

/// The compliance findings as an Excel workbook (libxlsxwriter, like the Appendix 1 form): the
/// columns of `ComplianceCSV` with their titles, requirements and dates in the reader's
/// language, and the hours as numbers, so that DSHR can sort and sum them.
public enum ComplianceWorkbook {
    /// The `.xlsx` bytes of `findings`, titled from `strings` (the mail's attachment words).
    public static func data(_ findings: [ComplianceFinding], roster: Roster, strings: ReplyStrings,
                            asOf: CivilDate) throws -> Data {
        let header = ComplianceCSV.header.map { strings.attachment("compliance.\($0)") }
        let rows: [[SpreadsheetWriter.Value]] = findings.map { finding in
            let person = roster.person(address: finding.participantEmail)
            func text(_ value: String?) -> SpreadsheetWriter.Value { value.map { .text($0) } ?? .empty }
            func number(_ value: Int?) -> SpreadsheetWriter.Value { value.map { .number(Double($0)) } ?? .empty }
            return [.text(finding.participantEmail), .text(strings.attachment("compliance.kind.\(finding.kind.rawValue)")),
                    .text(finding.since.dotted), number(finding.hoursCounted), number(finding.hoursRequired),
                    .text(finding.section), text(person?.fullName), text(person?.unit)]
        }
        let sheet = SpreadsheetWriter.Sheet(
            name: PlanWorkbook.sheetName(strings.attachment("compliance_file", ["date": asOf.dotted])),
            header: header, rows: rows, columnWidths: [30, 40, 14, 12, 12, 40, 36, 36])
        return try SpreadsheetWriter.xlsx([sheet])
    }

    /// The same in `language`, with the texts of `templatesDirectory` (the console's download).
    public static func data(_ findings: [ComplianceFinding], roster: Roster, language: RosterPerson.Language,
                            templatesDirectory: URL, asOf: CivilDate) throws -> Data {
        let strings = try TemplateLibrary(directory: templatesDirectory).strings(language)
        return try data(findings, roster: roster, strings: strings, asOf: asOf)
    }
}
