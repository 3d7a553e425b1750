/// Why a file could not be read. `kind` is the file-level outcome of samples/README.md.
public struct DocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file-level outcome, spelled as in samples/README.md.
    public enum Kind: String, Sendable, Equatable {
        case unsupportedFormat = "unsupported_format"
        case encryptedOrCorrupt = "encrypted_or_corrupt"
        case tooLarge = "too_large"
        case unsafeArchive = "unsafe_archive"
    }

    /// Which outcome.
    public var kind: Kind
    /// What went wrong, for an operator and for the reply's detail line (English).
    public var detail: String

    /// An error of `kind` explained by `detail`.
    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    /// `kind: detail`.
    public var description: String { "\(kind.rawValue): \(detail)" }
}
