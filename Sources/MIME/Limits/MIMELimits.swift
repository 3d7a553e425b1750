/// Every bound the parser enforces. The defaults fit real mail (messages up to 25 MB,
/// Exchange headers of a few hundred lines) while stopping hostile input early.
public struct MIMELimits: Sendable, Equatable {
    /// Which limit was exceeded; named in `MIMEError.limitExceeded`.
    public enum Name: String, Sendable, Equatable {
        case messageBytes = "message size (bytes)"
        case headerBytes = "header section size (bytes)"
        case headerLineLength = "header line length (bytes)"
        case parts = "number of MIME parts"
        case nestingDepth = "MIME nesting depth"
        case decodedSize = "decoded part size (bytes)"
    }

    /// The whole raw message. Mail servers usually refuse more than 25–50 MB.
    public var maxMessageBytes: Int
    /// One header section (the message's or a part's), all fields together.
    public var maxHeaderBytes: Int
    /// One physical header line. RFC 5322 says 998; real mailers exceed it, hostile ones never stop.
    public var maxHeaderLineLength: Int
    /// All MIME parts of the message, nested messages included.
    public var maxParts: Int
    /// Multipart and message/rfc822 nesting. Real clients rarely go beyond 6.
    public var maxNestingDepth: Int
    /// The decoded bytes of one part.
    public var maxDecodedSize: Int

    /// Limits; the defaults suit a mailbox of office mail.
    public init(
        maxMessageBytes: Int = 64 << 20,
        maxHeaderBytes: Int = 1 << 20,
        maxHeaderLineLength: Int = 64 << 10,
        maxParts: Int = 1_000,
        maxNestingDepth: Int = 32,
        maxDecodedSize: Int = 64 << 20
    ) {
        self.maxMessageBytes = maxMessageBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderLineLength = maxHeaderLineLength
        self.maxParts = maxParts
        self.maxNestingDepth = maxNestingDepth
        self.maxDecodedSize = maxDecodedSize
    }

    /// The defaults.
    public static let `default` = MIMELimits()

    /// Throws `MIMEError.limitExceeded` when `actual` is above `maximum`.
    func check(_ name: Name, _ actual: Int, _ maximum: Int) throws(MIMEError) {
        if actual > maximum { throw .limitExceeded(limit: name, actual: actual, maximum: maximum) }
    }
}
