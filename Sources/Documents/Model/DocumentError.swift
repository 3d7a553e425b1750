/// Why a file could not be read. `kind` is the file-level outcome of samples/README.md.
public struct DocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        case unsupportedFormat = "unsupported_format"
        case encryptedOrCorrupt = "encrypted_or_corrupt"
        case tooLarge = "too_large"
        case unsafeArchive = "unsafe_archive"
    }

    public var kind: Kind
    /// What went wrong, for an operator and for the reply's detail line (English).
    public var detail: String

    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public var description: String { "\(kind.rawValue): \(detail)" }
}
