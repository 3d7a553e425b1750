import Applications
import Foundation
import Intake
import MIME
import Staff
import Store
import Wording

/// Builds the template contexts (Replies/Contexts) from what the intake read.
enum ReplyContext {
    static func receipt(head: RosterPerson, reading: MessageReading, stored: [StoredApplicationRow],
                        cycle: ApplicationCycle, change: ApplicationChange?) -> ReceiptContext {
        var notes: [InvalidRowNote] = []
        var sources: [String] = []
        for verdict in reading.files where verdict.file.role == .attachment {
            guard let fileReading = verdict.reading, fileReading.failure == nil else { continue }
            if !fileReading.rows.isEmpty { sources.append(visible(verdict.file.filename)) }
            notes += fileReading.invalidRows.map {
                InvalidRowNote(file: visible(verdict.file.filename), row: $0.row, field: $0.field.rawValue, problem: $0.problem.rawValue)
            }
        }
        notes += (reading.bodyTable?.invalidRows ?? []).map {
            InvalidRowNote(file: nil, row: $0.row, field: $0.field.rawValue, problem: $0.problem.rawValue)
        }
        var context = ReceiptContext(name: head.fullName, unit: head.unit, cycle: cycle.name, sourceFiles: sources,
                                     accepted: stored, invalidRows: notes, change: change, late: cycle.late,
                                     deadline: cycle.late ? cycle.deadline : nil)
        context.addressee = head
        return context
    }

    /// kk, ru or en from the letters of the sender's own words (subject and text, quoted lines
    /// left out: they are usually our own mail); `fallback` when that does not tell.
    static func languageOfText(_ reading: MessageReading, fallback: String) -> String {
        let own = reading.message.readableText().split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix(">") }.joined(separator: "\n").prefix(8_000)
        let text = (reading.summary.subject ?? "") + "\n" + own
        let fallbackLanguage = WordingLanguage(rawValue: fallback) ?? .kk
        return LanguageGuess.language(of: text, fallback: fallbackLanguage).rawValue
    }

    static func noted(_ reading: MessageReading?, timeZone: TimeZone) -> NotedMessage {
        NotedMessage(from: reading?.summary.from, subject: reading?.summary.subject, date: nil,
                     messageID: reading?.summary.messageId, receivedAt: reading.map { MailTimestamp($0.receivedAt, in: timeZone) })
    }

    /// Addresses that are machines: never answered.
    static func isMachineAddress(_ address: String) -> Bool {
        let local = address.lowercased().split(separator: "@").first.map(String.init) ?? ""
        return address.isEmpty || ["mailer-daemon", "postmaster", "noreply", "no-reply", "do-not-reply", "donotreply",
                                   "bounce", "bounces"].contains(local)
    }

    /// A file name as it may be shown in a reply: control characters made visible.
    static func visible(_ name: String) -> String {
        VisibleText.visible(name)
    }

    /// A Message-ID with exactly one pair of angle brackets, as In-Reply-To and References want it.
    static func bracketed(_ id: String) -> String {
        "<" + id.trimmingCharacters(in: CharacterSet(charactersIn: "<> \t")) + ">"
    }


}
