import CSV
public import Foundation
public import Regulation
public import Staff
import Store

/// The compliance findings as the CSV DSHR opens in Excel (UTF-8 with BOM, CRLF): the columns
/// of `cpdbot report compliance --format csv`, then the person's name and unit from the roster.
/// The mail's attachment has its column titles, requirements and dates in DSHR's language
/// (`strings`); without strings (the command line) the keys and ISO dates stay.
public enum ComplianceCSV {
    /// The column keys, in order.
    public static let header = ["email", "kind", "since", "hours_counted", "hours_required", "section", "full_name", "unit"]

    /// The findings as CSV (RFC 4180), one person a line, with their name and unit from `roster`.
    public static func data(_ findings: [ComplianceFinding], roster: Roster, strings: ReplyStrings? = nil) -> Data {
        var records = [header.map { strings?.attachment("compliance.\($0)") ?? $0 }]
        for finding in findings {
            let person = roster.person(address: finding.participantEmail)
            let kind = strings?.attachment("compliance.kind.\(finding.kind.rawValue)") ?? finding.kind.rawValue
            let since = strings == nil ? finding.since.iso : finding.since.dotted
            records.append([finding.participantEmail, kind, since,
                            finding.hoursCounted.map(String.init) ?? "", finding.hoursRequired.map(String.init) ?? "",
                            finding.section, person?.fullName ?? "", person?.unit ?? ""])
        }
        // Excel-safe: a name from the roster never runs as a formula.
        return Data(CSVWriter.text(records, byteOrderMark: true, excelSafe: true).utf8)
    }
}
