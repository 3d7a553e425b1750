/// A Content-Type value. A missing or unparsable one is text/plain; charset=us-ascii (RFC 2045 §5.2).
public struct ContentType: Sendable, Equatable {
    /// "type/subtype" lowercased.
    public let mimeType: String
    /// Parameters by lower-cased name, RFC 2231 continuations joined and decoded.
    public let parameters: [String: String]

    /// A content type; `mimeType` must already be lower-cased.
    public init(mimeType: String, parameters: [String: String] = [:]) {
        self.mimeType = mimeType
        self.parameters = parameters
    }

    init(field: HeaderField?, defaultType: String) {
        guard let field else { self.init(mimeType: defaultType); return }
        let parsed = ParameterizedValue.parse(field.text)
        let value = parsed.value.filter { !$0.isWhitespace }
        self.init(mimeType: value.contains("/") ? value : defaultType, parameters: parsed.parameters)
    }

    /// The top-level media type (`text`, `multipart`, …; RFC 2046).
    public var type: String { String(mimeType.prefix { $0 != "/" }) }
    /// True for `multipart/*` (RFC 2046 §5.1).
    public var isMultipart: Bool { type == "multipart" }
    /// True for an attached message: `message/rfc822` (RFC 2046 §5.2.1) or `message/global` (RFC 6532).
    public var isMessage: Bool { mimeType == "message/rfc822" || mimeType == "message/global" }
    /// The `charset` parameter of a text part (RFC 2046 §4.1.2).
    public var charset: String? { parameters["charset"] }
    /// The `boundary` parameter of a multipart (RFC 2046 §5.1.1).
    public var boundary: String? { parameters["boundary"] }
}

/// Content-Transfer-Encoding (RFC 2045 §6). Unknown values are read as identity.
public enum TransferEncoding: String, Sendable, Equatable {
    case sevenBit = "7bit", eightBit = "8bit", binary, base64, quotedPrintable = "quoted-printable"

    init(field: HeaderField?) {
        let v = field.map { ParameterizedValue.stripComments($0.text).trimmingWhitespace().lowercased() } ?? ""
        self = TransferEncoding(rawValue: v) ?? (v.hasPrefix("base64") ? .base64 : .sevenBit)
    }
}
