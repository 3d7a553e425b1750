import Applications
import Foundation
import MIME

extension RoutingFacts {
    /// The facts routing needs, from what the readers made of the message.
    public init(_ reading: MessageReading, trustedAuthservID: String) {
        let summary = reading.summary
        var spoofed = false
        var authenticatedFrom: String?
        if let auth = summary.authenticationResults, auth.authservId.lowercased() == trustedAuthservID.lowercased() {
            spoofed = Self.isSpoofed(dmarc: auth.dmarc, spf: auth.spf, dkim: auth.dkim)
            authenticatedFrom = auth.headerFrom
        }
        let header = reading.message.header
        let authorProblem = AuthorCheck.problem(
            fromFields: header.all("From").count, fromAddresses: reading.message.from.map(\.lowercasedAddress),
            senderFields: header.all("Sender").count,
            senderAddresses: header.first("Sender").map { AddressParser.parseList($0.text).map(\.lowercasedAddress) } ?? [],
            authenticatedFrom: authenticatedFrom)
        var forwarded: ForwardedAuthor?
        if let forward = summary.forward {
            if let address = forward.author { forwarded = .address(address) }
            else if let name = forward.authorName { forwarded = .name(name) }
        }
        self.init(
            from: summary.from,
            returnPathEmpty: reading.message.returnPath == "",
            isAutoReply: summary.autoReply || Self.isCalendarAnswer(reading.message),
            isBounce: summary.bounce != nil,
            authDMARCFailFromTrustedServer: spoofed,
            authorProblem: authorProblem,
            forwardedAuthor: forwarded,
            commandTag: SubjectTag.command(in: summary.subject ?? ""),
            attachments: reading.files.map(AttachmentFacts.init),
            bodyTableRows: reading.bodyTable.map { $0.rows.count },
            structureUnsplittable: reading.message.isStructurallyBroken)
        // The few distinct values first, then trimmed: Foundation's trimming per row (hundreds
        // of rows a message) was a noticeable part of the handling thread.
        let schools = Set(reading.validRows.compactMap(\.row.school))
        rowUnits = Array(Set(schools.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })).sorted()
    }

    /// A calendar client's answer to the bot's entries ("Accepted: …", RFC 5546 `REPLY`,
    /// `COUNTER`, `REFRESH`): a click in Outlook or Gmail, not a letter, so it is left unanswered
    /// like an auto-reply.
    static func isCalendarAnswer(_ message: ParsedMessage) -> Bool {
        message.allParts.contains { part in
            part.contentType.mimeType == "text/calendar"
                && ["REPLY", "COUNTER", "REFRESH"].contains(part.contentType.parameters["method"]?.uppercased() ?? "")
        }
    }

    /// Only the topmost header from our own server counts (the MIME reader keeps only that
    /// one). DMARC decides when it gave a verdict; without one, a failed SPF or DKIM is enough.
    public static func isSpoofed(dmarc: String?, spf: String?, dkim: String?) -> Bool {
        switch dmarc?.lowercased() {
        case "fail": return true
        case nil, "none", "neutral", "temperror", "permerror":
            return spf?.lowercased() == "fail" || dkim?.lowercased() == "fail"
        default: return false
        }
    }
}

extension AttachmentFacts {
    /// What routing needs to know about one file the intake read.
    public init(_ verdict: FileVerdict) {
        let reading: AttachmentReading
        switch verdict.file.role {
        case .inlineImage, .forwardedMessage, .tnefContainer:
            reading = .notApplication
        case .attachment:
            switch verdict.reading?.failure {
            case nil: reading = .usableRows(verdict.reading?.rows.count ?? 0)
            case .noTableFound: reading = .noTableFound
            case .unsupportedFormat: reading = verdict.file.isArchive ? .archive : .unsupported
            case .encryptedOrCorrupt: reading = .corrupt
            case .tooLarge: reading = .tooLarge
            case .unsafeArchive: reading = .unsafe
            }
        }
        self.init(fileName: verdict.file.filename, reading: reading,
                  isHostileName: verdict.file.role == .attachment ? nil : false)
    }
}
