import MIME

/// Why a whole message was refused before any file was read: over a size or structure limit,
/// or too damaged to parse. Carries the configuration key and both figures, for the sender's
/// reply and for DSHR.
struct MessageRefusal: Sendable, Equatable {
    enum Kind: String, Sendable, CaseIterable {
        // Raw values are the flags of the `reject_message` template.
        case tooLarge = "too_large"
        case tooManyParts = "too_many_parts"
        case tooDeep = "too_deep"
        case headerLineTooLong = "header_line_too_long"
        case headerTooLarge = "header_too_large"
        case damaged
    }

    var kind: Kind
    /// The configuration key of the limit (nil for damage).
    var configurationKey: String?
    var actual: Int?
    var maximum: Int?
    /// The parser's own words, for the journal.
    var detail: String

    /// A message the IMAP fetch did not download (RFC822.SIZE over `limits.max_message_bytes`).
    static func tooLarge(size: Int, maximum: Int) -> MessageRefusal {
        MessageRefusal(kind: .tooLarge, configurationKey: "limits.max_message_bytes", actual: size, maximum: maximum,
                       detail: "message of \(size) bytes is over the limit of \(maximum)")
    }

    init(kind: Kind, configurationKey: String?, actual: Int?, maximum: Int?, detail: String) {
        self.kind = kind
        self.configurationKey = configurationKey
        self.actual = actual
        self.maximum = maximum
        self.detail = detail
    }

    init(_ error: MIMEError) {
        switch error {
        case let .limitExceeded(limit, actual, maximum):
            let kind: Kind = switch limit {
            case .messageBytes, .decodedSize: .tooLarge
            case .parts: .tooManyParts
            case .nestingDepth: .tooDeep
            case .headerLineLength: .headerLineTooLong
            case .headerBytes: .headerTooLarge
            }
            self.init(kind: kind, configurationKey: limit.configurationKey, actual: actual, maximum: maximum,
                      detail: "\(limit.rawValue) \(actual) is over the maximum \(maximum) (\(limit.configurationKey))")
        case .notAMessage, .unreadableTNEF:
            self.init(kind: .damaged, configurationKey: nil, actual: nil, maximum: nil, detail: error.description)
        }
    }

    /// The figures as the reply shows them: sizes (of the message or its header) in the
    /// reader's units ("10 МБ", "64 КБ"), counts as numbers.
    func shown(_ value: Int) -> Any {
        switch kind {
        case .tooLarge, .headerLineTooLong, .headerTooLarge: ByteCount(value)
        case .tooManyParts, .tooDeep, .damaged: value
        }
    }

    /// The journal's detail: the kind in brackets (which DSHR's summary words), then the parser's words.
    var journalDetail: String { "unreadable message (\(kind.rawValue)): \(detail)" }

    /// The context of `reject_message`.
    func replyValues(name: String?, originalSubject: String?) -> [String: Any] {
        var values: [String: Any] = [kind.rawValue: true]
        if let name { values["name"] = name }
        if let originalSubject { values["original_subject"] = originalSubject }
        if let actual { values["actual"] = shown(actual) }
        if let maximum { values["maximum"] = shown(maximum) }
        return values
    }

    /// What `report_to_dshr` shows about the refusal.
    func reportValues() -> [String: Any] {
        var values: [String: Any] = ["message_refused": true, "refusal_\(kind.rawValue)": true, "refusal_detail": detail]
        if let configurationKey { values["limit_key"] = configurationKey }
        if let actual { values["limit_actual"] = shown(actual) }
        if let maximum { values["limit_maximum"] = shown(maximum) }
        return values
    }
}
