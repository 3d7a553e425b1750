/// One header field, unfolded (RFC 5322 §2.2.3: the CRLF before folding whitespace removed).
public struct HeaderField: Sendable, Equatable {
    /// The name as written.
    public let name: String
    /// The unfolded value bytes, leading whitespace removed, 8-bit bytes kept as they came.
    public let rawValue: [UInt8]

    /// A field with its unfolded raw value.
    public init(name: String, rawValue: [UInt8]) {
        self.name = name
        self.rawValue = rawValue
    }

    /// The value as text before RFC 2047 decoding: UTF-8 (RFC 6532) or a guessed legacy charset.
    public var text: String { Charset.decodeHeader(rawValue) }

    /// The value for display: raw 8-bit decoded, then RFC 2047 encoded words decoded.
    public var decodedValue: String { EncodedWords.decode(text).trimmingWhitespace() }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
