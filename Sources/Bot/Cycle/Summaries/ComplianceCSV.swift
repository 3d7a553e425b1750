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
        var lines = [header.map { strings?.attachment("compliance.\($0)") ?? $0 }.map(field).joined(separator: ",")]
        for finding in findings {
            let person = roster.person(address: finding.participantEmail)
            let kind = strings?.attachment("compliance.kind.\(finding.kind.rawValue)") ?? finding.kind.rawValue
            let since = strings == nil ? finding.since.iso : finding.since.dotted
            let fields = [finding.participantEmail, kind, since,
                          finding.hoursCounted.map(String.init) ?? "", finding.hoursRequired.map(String.init) ?? "",
                          finding.section, person?.fullName ?? "", person?.unit ?? ""]
            lines.append(fields.map(field).joined(separator: ","))
        }
        return Data(("\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet never runs a
    /// name from the roster as a formula.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { ",\"\n\r".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
