public import MIME

/// Why a whole message was refused before any file was read: over a size or structure limit,
/// or too damaged to parse. Carries the configuration key and both figures, for the sender's
/// reply and for DSHR.
public struct MessageRefusal: Sendable, Equatable {
    /// Which limit, or damage.
    public enum Kind: String, Sendable, CaseIterable {
        // Raw values are the flags of the `reject_message` template.
        case tooLarge = "too_large"
        case tooManyParts = "too_many_parts"
        case tooDeep = "too_deep"
        case headerLineTooLong = "header_line_too_long"
        case headerTooLarge = "header_too_large"
        case damaged
    }

    /// Which limit, or damage.
    public var kind: Kind
    /// The configuration key of the limit (nil for damage).
    public var configurationKey: String?
    /// The message's figure (bytes, parts, depth).
    public var actual: Int?
    /// The limit's figure.
    public var maximum: Int?
    /// The parser's own words, for the journal.
    public var detail: String

    /// A message the IMAP fetch did not download (RFC822.SIZE over `limits.max_message_bytes`).
    public static func tooLarge(size: Int, maximum: Int) -> MessageRefusal {
        MessageRefusal(kind: .tooLarge, configurationKey: "limits.max_message_bytes", actual: size, maximum: maximum,
                       detail: "message of \(size) bytes is over the limit of \(maximum)")
    }

    /// A refusal from its parts.
    public init(kind: Kind, configurationKey: String?, actual: Int?, maximum: Int?, detail: String) {
        self.kind = kind
        self.configurationKey = configurationKey
        self.actual = actual
        self.maximum = maximum
        self.detail = detail
    }

    /// The journal's detail: the kind in brackets (which DSHR's summary words), then the parser's words.
    public var journalDetail: String { "unreadable message (\(kind.rawValue)): \(detail)" }

    /// The refusal the MIME parser's error means.
    public init(_ error: MIMEError) {
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
}

extension MIMELimits.Name {
    /// The configuration key that sets this limit: every limit a message names is a real key.
    public var configurationKey: String {
        switch self {
        case .messageBytes, .decodedSize: "limits.max_message_bytes"
        case .headerBytes: "limits.max_header_bytes"
        case .headerLineLength: "limits.max_header_line_bytes"
        case .parts: "limits.max_mime_parts"
        case .nestingDepth: "limits.max_mime_depth"
        }
    }
}
