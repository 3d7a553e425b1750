/// Undoes the Content-Transfer-Encoding of a body, within the decoded-size limit.
public struct BodyDecoder: Sendable {
    /// Caps on the decoded size.
    public let limits: MIMELimits

    /// A decoder with the given limits.
    public init(limits: MIMELimits = .default) { self.limits = limits }

    /// Decoded bytes, and the reason they cannot be trusted, if any.
    public struct Decoded: Sendable {
        /// The decoded body.
        public var bytes: [UInt8]
        /// Non-nil when the body is damaged (truncated base64): its size and hash are not meaningful.
        public var damage: MIMEDefect.Kind?
    }

    /// Undoes base64 or quoted-printable (RFC 2045 §6); 7bit, 8bit and binary pass through. Throws past the size limit.
    public func decode(_ body: ArraySlice<UInt8>, encoding: TransferEncoding) throws(MIMEError) -> Decoded {
        switch encoding {
        case .base64:
            try limits.check(.decodedSize, body.count / 4 * 3, limits.maxDecodedSize)
            let d = Base64.decode(body)
            return Decoded(bytes: d.bytes, damage: d.incompleteFinalQuantum ? .truncatedBase64 : nil)
        case .quotedPrintable:
            try limits.check(.decodedSize, body.count, limits.maxDecodedSize)
            return Decoded(bytes: QuotedPrintable.decode(body), damage: nil)
        case .sevenBit, .eightBit, .binary:
            try limits.check(.decodedSize, body.count, limits.maxDecodedSize)
            return Decoded(bytes: Array(body), damage: nil)
        }
    }
}

extension MIMEPart {
    /// The decoded body. For an attached message sent unencoded (message/rfc822 in 7bit/8bit, saved
    /// as a .eml file) a final line break is restored: the delimiter took it, and a saved message
    /// ends with one. A base64-encoded attachment is taken byte for byte.
    public func decodedBody(limits: MIMELimits = .default) throws(MIMEError) -> BodyDecoder.Decoded {
        var decoded = try BodyDecoder(limits: limits).decode(body, encoding: transferEncoding)
        let identity = transferEncoding != .base64 && transferEncoding != .quotedPrintable
        if contentType.isMessage, identity, let last = decoded.bytes.last, last != 0x0A {
            decoded.bytes.append(contentsOf: decoded.bytes.contains(0x0D) ? [0x0D, 0x0A] : [0x0A])
        }
        return decoded
    }

    /// The body as text: decoded, then converted from its charset (wrong labels fall back to a guess).
    public func text(limits: MIMELimits = .default) throws(MIMEError) -> String {
        let bytes = try decodedBody(limits: limits).bytes
        return Charset.decode(bytes, label: contentType.charset)
    }
}
