/// A Content-Type value. A missing or unparsable one is text/plain; charset=us-ascii (RFC 2045 §5.2).
public struct ContentType: Sendable, Equatable {
    /// "type/subtype" lowercased.
    public let mimeType: String
    public let parameters: [String: String]

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

    public var type: String { String(mimeType.prefix { $0 != "/" }) }
    public var isMultipart: Bool { type == "multipart" }
    public var isMessage: Bool { mimeType == "message/rfc822" || mimeType == "message/global" }
    public var charset: String? { parameters["charset"] }
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
