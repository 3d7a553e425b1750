import Intake
import Certificates
import Documents
import MIME
import Regulation

/// Why handling a message failed, as DSHR can read it: each kind is a key `failure.<kind>` of
/// the `reasons` in `templates/<lang>/strings.json`. The error's own words are English and for
/// IT: they stay in the journal and on the poison note's separate line "for IT".
enum FailureKind: String, CaseIterable, Sendable {
    /// An attached file (or a workbook the bot writes) could not be read or written.
    case document
    /// The bot's mail or certificate templates are broken: IT's to fix.
    case templates
    /// A certificate could not be drawn.
    case certificate
    /// The holiday calendar lacks a year or a movable feast the rules need.
    case calendar
    /// A rule file or a rule the Regulation's tables rest on is wrong.
    case rules
    /// The message holds more than a configured limit allows (rows, courses).
    case limit
    /// The stored Plan is missing or cannot be read.
    case storedPlan = "stored_plan"
    case unknown

    init(_ error: any Error) {
        switch error {
        case is DocumentError, is SpreadsheetWriter.WriteError: self = .document
        case is ReplyTemplateError: self = .templates
        case let error as CertificateError:
            switch error {
            case .rendering: self = .certificate
            default: self = .templates
            }
        case let error as CycleError:
            switch error {
            case .rules: self = .rules
            case .noPlan, .storedPlanUnreadable: self = .storedPlan
            case .workbook: self = .document
            case .tooMany: self = .limit
            }
        case let error as RegulationError:
            switch error {
            case .calendarYearMissing, .kurbanAitNotAnnounced: self = .calendar
            case .limitExceeded: self = .limit
            default: self = .rules
            }
        case is MIMEError: self = .document
        default: self = .unknown
        }
    }

    /// The journal's detail of a message whose handling failed: the kind in brackets, then the
    /// error's own words ("processing failed (calendar): …"), read back by `DigestReason`.
    static func journalDetail(_ error: any Error) -> String {
        "processing failed (\(FailureKind(error).rawValue)): \(error)"
    }

    /// The `reasons` key of a failure or refusal from its journal detail: "processing failed
    /// (calendar): …" → `failure.calendar`, "unreadable message (too_deep): …" → `refusal.too_deep`.
    /// Lines written before the kind was journalled get the general `failure.unknown` /
    /// `refusal.unknown`; any other line nil.
    static func reasonKey(journalDetail detail: String) -> String? {
        for (prefix, table, known) in [("processing failed", "failure", Set(allCases.map(\.rawValue))),
                                       ("unreadable message", "refusal", MessageRefusal.Kind.names)] where detail.hasPrefix(prefix) {
            let rest = detail.dropFirst(prefix.count)
            guard rest.hasPrefix(" ("), let close = rest.firstIndex(of: ")") else { return "\(table).unknown" }
            let kind = String(rest[rest.index(rest.startIndex, offsetBy: 2)..<close])
            return known.contains(kind) ? "\(table).\(kind)" : "\(table).unknown"
        }
        return nil
    }
}

/// A reason in the reader's words: a key of `reasons` in strings.json (`failure.document`,
/// `refusal.too_deep`), rendered by `MailValues`.
struct WordedReason: Sendable, Equatable {
    var key: String
    init(_ key: String) { self.key = key }
}

extension MessageRefusal.Kind {
    /// The kinds as the journal and strings.json name them.
    static var names: Set<String> { Set(allCases.map(\.rawValue)) }
}
