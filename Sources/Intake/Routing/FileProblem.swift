/// Why a file (or the message's structure) gave no application. The raw values name the
/// variants of the `reject_file` reply template.
public enum FileProblemKind: String, CaseIterable, Sendable {
    case unsupportedFormat = "unsupported_format"
    case encryptedOrCorrupt = "encrypted_or_corrupt"
    case tooLarge = "too_large"
    case unsafeArchive = "unsafe_archive"
    case noTableFound = "no_table_found"
    case emptyTemplate = "empty_template"
    case hostileName = "hostile_name"
    case malformedStructure = "malformed_structure"
    /// A .zip (or other archive) sent instead of the spreadsheet: the reply asks for the file itself.
    case archiveAttachment = "archive_attachment"
}

/// One file the reply has to talk about.
public struct FileProblem: Equatable, Sendable {
    /// The attachment's name as sent (nil for a problem with the message as a whole).
    public var fileName: String?
    /// What is wrong with it.
    public var kind: FileProblemKind

    /// A problem with `fileName` (nil for the message body).
    public init(fileName: String?, kind: FileProblemKind) {
        self.fileName = fileName
        self.kind = kind
    }
}
