import Intake

/// Why a message ended outside `Processed`, read back from its `routed` journal line (the
/// `detail` that `RoutingDecision.journalDetail` and `MessageHandler` write). Each reason gets its
/// own heading in DSHR's daily summary, worded by the templates.
enum DigestReason: String, CaseIterable, Sendable {
    // In the order DSHR reads them: forgeries and strangers first, machine mail last.
    case spoofed
    case unknownSender = "unknown_sender"
    case senderNotAllowed = "sender_not_allowed"
    case forwardedAuthorUnknown = "forwarded_author_unknown"
    case dshrMessageNotUnderstood = "dshr_message_not_understood"
    case files
    case tooLarge = "too_large"
    case unreadable
    case processingFailed = "processing_failed"
    case question
    case noSender = "no_sender"
    case authorUnclear = "author_unclear"
    case bounce
    case autoReply = "auto_reply"
    /// A journal line this version does not know (written by a later one): shown with its detail.
    case other

    /// The reason of a routed message from its journal detail.
    init(detail: String?) {
        let text = detail ?? ""
        for (prefix, table) in Self.prefixes where text.hasPrefix(prefix) {
            let word = String(text.dropFirst(prefix.count).prefix { $0.isLetter || $0.isNumber })
            self = table[word] ?? .other
            return
        }
        if text == "auto-generated: not answered" {
            self = .autoReply
        } else if text.hasPrefix("processing failed:") || text.hasPrefix("processing failed (") {
            self = .processingFailed
        } else if text.hasPrefix("unreadable message:") || text.hasPrefix("unreadable message (") {
            self = .unreadable
        } else if text.hasPrefix("message of "), text.contains("over the limit") {
            self = .tooLarge
        } else {
            self = .other
        }
    }

    /// The case names `RejectReason` and `ReportReason` print as, after the journal's prefix.
    private static let prefixes: [(String, [String: DigestReason])] = [
        ("refused: ", [
            "unknownSender": .unknownSender, "senderNotAllowed": .senderNotAllowed,
            "forwardedAuthorUnknown": .forwardedAuthorUnknown, "dshrMessageNotUnderstood": .dshrMessageNotUnderstood,
            "files": .files,
        ]),
        ("reported to DSHR: ", [
            "spoofed": .spoofed, "bounce": .bounce, "questionWithoutApplication": .question, "noSender": .noSender,
            "authorUnclear": .authorUnclear,
        ]),
    ]

    /// Reasons whose journal detail is kept for the summary: it says what kind of failure or
    /// refusal it was (`FailureKind.reasonKey`), which the summary words in DSHR's language.
    var showsDetail: Bool { self == .processingFailed || self == .unreadable }
}
