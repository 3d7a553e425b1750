import Applications
import Foundation
import MIME
import Store

/// The values the templates are rendered with. Keys are snake_case; codes (`field`, `problem`,
/// `kind`) are localised by the templates' label tables (`TemplateLabels`).
enum ReplyContext {
    static func common(name: String?, reading: MessageReading?) -> [String: Any] {
        var values: [String: Any] = ["name": name ?? ""]
        if let reading {
            values["original_subject"] = reading.summary.subject ?? ""
            values["original_from"] = reading.summary.from ?? ""
            values["received"] = isoDay(reading.receivedAt)
        }
        return values
    }

    static func receipt(head: RosterPerson, reading: MessageReading, cycle: ApplicationCycle,
                        change: ApplicationChange?, supersededByNewer: Bool) -> [String: Any] {
        var values = common(name: head.fullName, reading: reading)
        let rows = reading.validRows
        values["unit"] = head.unit
        values["cycle"] = cycle.name
        values["late"] = cycle.late
        values["accepted_count"] = rows.count
        values["accepted"] = rows.enumerated().map { index, sourced -> [String: Any] in
            ["position": index + 1, "no": sourced.row.no.map(String.init) ?? "", "full_name": sourced.row.fullName ?? "",
             "email": sourced.row.email ?? "", "file": sourced.sourceFile ?? ""]
        }
        var problems: [[String: Any]] = []
        var unusable: [[String: Any]] = []
        for verdict in reading.files where verdict.file.role == .attachment {
            guard let fileReading = verdict.reading else { continue }
            for problem in fileReading.invalidRows {
                problems.append(["file": verdict.file.filename, "row": problem.row,
                                 "field": problem.field.rawValue, "problem": problem.problem.rawValue])
            }
            if let kind = fileKind(fileReading) { unusable.append(["file": verdict.file.filename, "kind": kind]) }
        }
        for problem in reading.bodyTable?.invalidRows ?? [] {
            problems.append(["file": "", "in_body": true, "row": problem.row,
                             "field": problem.field.rawValue, "problem": problem.problem.rawValue])
        }
        values["problems"] = problems
        values["has_problems"] = !problems.isEmpty
        values["unusable_files"] = unusable
        values["has_unusable_files"] = !unusable.isEmpty
        values["superseded_by_newer"] = supersededByNewer
        if let change, !change.isFirstSubmission {
            values["is_resend"] = true
            values["added"] = change.added.map(person)
            values["removed"] = change.removed.map(person)
            values["changed"] = change.changed.map { person($0.after) }
            values["has_changes"] = !change.isEmpty
        } else {
            values["is_resend"] = false
        }
        return values
    }

    /// The template and the values for a refusal.
    static func refusal(_ reason: RejectReason, reading: MessageReading, maxAttachmentBytes: Int) -> (String, [String: Any]) {
        let limitMB = String(format: "%.0f", Double(maxAttachmentBytes) / 1_048_576)
        switch reason {
        case .unknownSender:
            return ("reject_unknown_sender", ["sender": reading.summary.from ?? ""])
        case let .senderNotAllowed(role):
            return ("reject_sender_not_allowed", ["sender": reading.summary.from ?? "", "role": role.rawValue])
        case let .forwardedAuthorUnknown(author):
            return ("reject_unknown_sender", ["sender": author, "forwarded": true])
        case .dshrMessageNotUnderstood:
            return ("command_result", ["not_understood": true])
        case let .files(problems):
            let files = problems.map { problem -> [String: Any] in
                ["file": problem.fileName.map(visible) ?? "", "has_file": problem.fileName != nil,
                 "kind": problem.kind.rawValue, "is_\(problem.kind.rawValue)": true]
            }
            return ("reject_file", ["files": files, "limit_mb": limitMB])
        }
    }

    static func report(_ notice: DSHRNotice, reading: MessageReading?) -> [String: Any] {
        var values = common(name: nil, reading: reading)
        let kind: String
        switch notice {
        case let .bounce(failed, original):
            kind = "bounce"
            values["failed_recipients"] = failed.joined(separator: ", ")
            values["original_message_id"] = original ?? ""
        case let .spoofed(claimed):
            kind = "spoofed"
            values["claimed_from"] = claimed ?? ""
        case .questionWithoutApplication:
            kind = "question"
            values["excerpt"] = String((reading?.message.readableText() ?? "").prefix(1500))
        case .noSender:
            kind = "no_sender"
        case let .messageTooLarge(size, maximum):
            kind = "too_large"
            values["detail"] = "\(size) > \(maximum) bytes"
        case let .processingFailed(detail):
            kind = "poison"
            values["detail"] = detail
        }
        values["kind"] = kind
        values["is_\(kind)"] = true
        return values
    }

    static func rosterChange(_ diff: RosterDiff) -> [String: Any] {
        func line(_ p: RosterPerson) -> [String: Any] { ["full_name": p.fullName, "email": p.email, "unit": p.unit] }
        return ["added": diff.added.map(line), "removed": diff.removed.map(line),
                "changed": diff.changed.map { line($0.after) }, "roster_changed": !diff.isEmpty]
    }

    /// The file-level problem of a reading, or nil when it gave rows (or only row problems).
    static func fileKind(_ reading: ApplicationReading) -> String? {
        if let kind = reading.errorKind { return kind }
        return reading.rows.isEmpty && reading.invalidRows.isEmpty ? "empty_template" : nil
    }

    /// Addresses that are machines: never answered.
    static func isMachineAddress(_ address: String) -> Bool {
        let local = address.lowercased().split(separator: "@").first.map(String.init) ?? ""
        return ["mailer-daemon", "postmaster", "noreply", "no-reply", "do-not-reply", "donotreply", "bounce", "bounces"]
            .contains(local) || address.isEmpty
    }

    /// A file name as it may be shown in a reply: control characters made visible.
    static func visible(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.map { $0.value < 0x20 ? "\u{FFFD}" : $0 }))
    }

    private static func person(_ row: StoredApplicationRow) -> [String: Any] {
        ["full_name": row.fullName ?? "", "email": row.email]
    }

    private static func isoDay(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(secondsFromGMT: 5 * 3600)
        return formatter.string(from: date)
    }
}
