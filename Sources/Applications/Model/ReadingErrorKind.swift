public import Documents

/// The file-level outcome when a file yields no table (samples/README.md, "File-level outcome").
public enum ReadingErrorKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The file opens, but holds no table with at least a name column and an e-mail column.
    case noTableFound = "no_table_found"
    case unsupportedFormat = "unsupported_format"
    case encryptedOrCorrupt = "encrypted_or_corrupt"
    case tooLarge = "too_large"
    case unsafeArchive = "unsafe_archive"

    /// Whether the file itself could be opened (only `no_table_found` keeps it readable).
    public var fileWasReadable: Bool { self == .noTableFound }

    /// The application-level kind for a document reader's failure.
    public init(_ kind: DocumentError.Kind) {
        switch kind {
        case .unsupportedFormat: self = .unsupportedFormat
        case .encryptedOrCorrupt: self = .encryptedOrCorrupt
        case .tooLarge: self = .tooLarge
        case .unsafeArchive: self = .unsafeArchive
        }
    }
}
