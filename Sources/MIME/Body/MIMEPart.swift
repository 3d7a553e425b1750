/// One entity of the MIME tree (RFC 2045 §2.4). The body is a range into the shared message buffer
/// (copy-on-write: no body is copied while parsing); decoding happens on demand.
public struct MIMEPart: Sendable {
    /// What the part holds: a body, sub-parts, or an attached message.
    public enum Content: Sendable {
        /// A leaf: its body bytes are `body`.
        case single
        /// multipart/*: the parts in order.
        case multipart([MIMEPart])
        /// message/rfc822 (or message/global): the encapsulated message.
        indirect case message(ParsedMessage)
    }

    /// The part's own header fields.
    public let header: HeaderSection
    /// Content-Type (RFC 2045 §5); the default of RFC 2045 §5.2 / RFC 2046 §5.1.5 when missing.
    public let contentType: ContentType
    /// Content-Disposition (RFC 2183), when present.
    public let disposition: ParameterizedValue?
    /// Content-Transfer-Encoding (RFC 2045 §6); 7bit when missing or unknown.
    public let transferEncoding: TransferEncoding
    /// The raw (still transfer-encoded) body.
    public let body: ArraySlice<UInt8>
    /// What the part holds.
    public let content: Content
    /// "1.2.1"-style position; "" for the message's top entity.
    public let path: String
    /// True for parts of a message attached as message/rfc822 (at any depth).
    public let insideForwardedMessage: Bool

    /// The file name exactly as decoded: Content-Disposition `filename` (RFC 2231 form first),
    /// else Content-Type `name`. Never sanitised: may contain "/", "..", NUL.
    public var filename: String? {
        disposition?["filename"] ?? contentType.parameters["name"]
    }

    /// The Content-ID (RFC 2045 §7) without brackets, the id an HTML body refers to as `cid:` (RFC 2392).
    public var contentID: String? { header.first("Content-ID").map { MessageIDs.parse($0.text).first ?? $0.text } }

    /// True when the part is shown inline rather than offered as a file (RFC 2183).
    public var isInline: Bool { disposition?.value == "inline" }

    /// Whether this is an image shown inside the HTML body (a signature logo) rather than a file the
    /// sender attached: an image with a Content-ID that is not explicitly an attachment. Apple Mail
    /// gives Content-IDs to inline PDFs and spreadsheets too; those stay files.
    public var isInlineReferenced: Bool {
        contentID != nil && disposition?.value != "attachment" && effectiveMimeType.hasPrefix("image/")
    }

    /// The children of a multipart (empty otherwise).
    public var parts: [MIMEPart] {
        if case let .multipart(p) = content { return p }
        return []
    }

    /// The encapsulated message of a message/rfc822 part.
    public var encapsulatedMessage: ParsedMessage? {
        if case let .message(m) = content { return m }
        return nil
    }
}
