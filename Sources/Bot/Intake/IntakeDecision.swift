import Applications
import MIME
import Store

/// What the bot does with one message: exactly one outcome and the replies and reports that go
/// with it (samples/README.md, "Expected actions"; DESIGN.md, "Messages in").
struct IntakeDecision: Sendable {
    enum Action: Sendable {
        /// Store the rows for the unit and send a receipt.
        case storeApplication(head: RosterPerson, rows: [MessageReading.SourcedRow])
        /// Refuse politely: reply to the sender (or the head a DSHR forward was for).
        case refuse(RefusalReason)
        /// Auto-generated mail: nothing, ever.
        case ignore(String)
        /// Tell DSHR; the sender is not answered.
        case report(ReportReason)
        /// A DSHR command ([PLAN], [COMPLETIONS], [ROSTER]).
        case command(DSHRCommand, from: RosterPerson)
    }

    enum RefusalReason: Sendable, Equatable {
        case unknownSender
        case senderNotAllowed
        case forwardedAuthorNotAHead(String)
        case hostileAttachment(fileName: String, detail: String)
        case unreadableStructure
        /// Every candidate file was unusable (unsupported, corrupt, too large, no table, empty template).
        case noUsableApplication
    }

    enum ReportReason: Sendable, Equatable {
        case bounce(failedRecipients: [String], originalMessageID: String?)
        case spoofed(claimedFrom: String?)
        case questionWithoutApplication
        case messageTooLarge(size: Int, maximum: Int)
        case processingFailed(String)
    }

    var action: Action
    /// Who the message counts as coming from (the original author of a DSHR forward).
    var effectiveSender: RosterPerson?

    var outcome: Outcome {
        switch action {
        case .storeApplication, .command: .processed
        case .refuse: .rejected
        case .ignore: .ignored
        case .report: .reported
        }
    }
}

extension IntakeDecision {
    /// Decides from what was read and who the roster says the people are. Pure.
    static func decide(_ reading: MessageReading, roster: Roster, trustedAuthservID: String) -> IntakeDecision {
        let summary = reading.summary
        // Machine mail first: a bounce often also carries Auto-Submitted.
        if let bounce = summary.bounce {
            return IntakeDecision(action: .report(.bounce(failedRecipients: bounce.failedRecipients,
                                                          originalMessageID: bounce.originalMessageId)), effectiveSender: nil)
        }
        if summary.autoReply {
            return IntakeDecision(action: .ignore(summary.autoReplySignals.joined(separator: ", ")), effectiveSender: nil)
        }
        if let auth = summary.authenticationResults, auth.authservId.lowercased() == trustedAuthservID.lowercased(),
           isSpoofed(dmarc: auth.dmarc, spf: auth.spf, dkim: auth.dkim) {
            return IntakeDecision(action: .report(.spoofed(claimedFrom: summary.from)), effectiveSender: nil)
        }
        guard let from = summary.from, let sender = roster.person(address: from) else {
            return IntakeDecision(action: .refuse(.unknownSender), effectiveSender: nil)
        }
        var author = sender
        if sender.role == .dshr {
            if let command = DSHRCommand(subject: summary.subject ?? "") {
                return IntakeDecision(action: .command(command, from: sender), effectiveSender: sender)
            }
            guard let forward = summary.forward else {
                return IntakeDecision(action: .report(.questionWithoutApplication), effectiveSender: sender)
            }
            let original = forward.author.flatMap(roster.person(address:))
                ?? forward.authorName.flatMap(roster.person(named:))
            guard let original, original.role == .head else {
                let named = forward.author ?? forward.authorName ?? "?"
                return IntakeDecision(action: .refuse(.forwardedAuthorNotAHead(named)), effectiveSender: sender)
            }
            author = original
        } else if sender.role != .head {
            return IntakeDecision(action: .refuse(.senderNotAllowed), effectiveSender: sender)
        }
        return decideApplication(reading, head: author)
    }

    /// Only the topmost header from our own server counts (MIME reads only that one). DMARC
    /// decides when it gave a verdict; without one, a failed SPF or DKIM check is enough.
    static func isSpoofed(dmarc: String?, spf: String?, dkim: String?) -> Bool {
        switch dmarc?.lowercased() {
        case "fail": return true
        case nil, "none", "neutral", "temperror", "permerror":
            return spf?.lowercased() == "fail" || dkim?.lowercased() == "fail"
        default: return false
        }
    }

    private static func decideApplication(_ reading: MessageReading, head: RosterPerson) -> IntakeDecision {
        let candidates = reading.files.filter { $0.file.role == .attachment }
        if let hostile = candidates.first(where: \.isHostile) {
            let detail = hostile.file.hasHostileName ? "hostile_name" : (hostile.reading?.errorKind ?? "unsafe_archive")
            return IntakeDecision(action: .refuse(.hostileAttachment(fileName: hostile.file.filename, detail: detail)),
                                  effectiveSender: head)
        }
        let rows = reading.validRows
        if !rows.isEmpty {
            return IntakeDecision(action: .storeApplication(head: head, rows: rows), effectiveSender: head)
        }
        if reading.message.isStructurallyBroken {
            return IntakeDecision(action: .refuse(.unreadableStructure), effectiveSender: head)
        }
        if candidates.isEmpty && reading.bodyTable == nil {
            return IntakeDecision(action: .report(.questionWithoutApplication), effectiveSender: head)
        }
        return IntakeDecision(action: .refuse(.noUsableApplication), effectiveSender: head)
    }
}

/// The commands DSHR sends by a tag in the subject, in any of the three languages.
enum DSHRCommand: String, Sendable, Equatable {
    case plan, completions, roster

    init?(subject: String) {
        let upper = subject.uppercased()
        let tags: [(DSHRCommand, [String])] = [
            (.plan, ["[PLAN]", "[ЖОСПАР]", "[ПЛАН]"]),
            (.completions, ["[COMPLETIONS]", "[ҚОРЫТЫНДЫ]", "[ИТОГИ]"]),
            (.roster, ["[ROSTER]", "[ТІЗІМ]", "[СПИСОК]"]),
        ]
        guard let match = tags.first(where: { $0.1.contains(where: upper.contains) }) else { return nil }
        self = match.0
    }
}
