/// Something wrong in a message that the parser worked around. Structural defects mean the
/// message could not be split as its author meant; the bot reports those as `malformed`.
public struct MIMEDefect: Sendable, Equatable, CustomStringConvertible {
    /// What the parser worked around.
    public enum Kind: String, Sendable, Equatable {
        /// The last part of a multipart ran to the end of the message without `--boundary--`.
        case missingClosingBoundary
        /// A multipart declared a boundary that never appears: its parts cannot be split.
        case boundaryNeverFound
        /// A multipart without a boundary parameter: read as one opaque part.
        case missingBoundaryParameter
        /// A header line without a colon (ignored).
        case headerLineWithoutColon
        /// base64 whose length is not a multiple of four: the bytes depend on the decoder.
        case truncatedBase64
        /// Characters outside the base64 alphabet were skipped.
        case invalidBase64Characters
        /// The header section did not end with an empty line before the end of the input.
        case headerWithoutBody
    }

    /// What was wrong.
    public let kind: Kind
    /// Part path such as "1.2" ("" for the message itself).
    public let partPath: String
    /// More about it, in English; may be empty.
    public let detail: String

    /// A defect of `kind` at `partPath`.
    public init(_ kind: Kind, partPath: String, detail: String = "") {
        self.kind = kind
        self.partPath = partPath
        self.detail = detail
    }

    /// True when the parts could not be split at all (the message is `malformed`).
    public var isStructural: Bool { kind == .boundaryNeverFound || kind == .missingBoundaryParameter }

    /// `kind at part 1.2: detail`.
    public var description: String {
        let at = partPath.isEmpty ? "message" : "part \(partPath)"
        return detail.isEmpty ? "\(kind.rawValue) (\(at))" : "\(kind.rawValue) (\(at)): \(detail)"
    }
}
