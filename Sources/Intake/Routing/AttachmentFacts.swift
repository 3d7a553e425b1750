/// What reading one attached file gave, as far as routing cares.
public enum AttachmentReading: Equatable, Sendable {
    /// An Appendix 1 table with this many valid employee rows (0: an unfilled template).
    case usableRows(Int)
    /// The file opens, but holds no Appendix 1 table.
    case noTableFound
    /// Not xlsx, xls, ods, docx or csv (e.g. PDF, DOC, a photo).
    case unsupported
    /// An archive (.zip, .rar, .7z, .gz) that is not an office document: the sender packed the file.
    case archive
    /// Password-protected, truncated or damaged.
    case corrupt
    /// Over the attachment size limit.
    case tooLarge
    /// A zip bomb or XML with a DTD or entities.
    case unsafe
    /// Decoration, not an application: an inline signature image, the forwarded-message container.
    case notApplication
}

/// The facts about one attached file (also files inside a forwarded message or winmail.dat).
public struct AttachmentFacts: Equatable, Sendable {
    /// The name as decoded from MIME; may be hostile and is never used as a path.
    public var fileName: String
    /// Whether the name is hostile (a path, control characters); nil: decide from the name.
    public var isHostileName: Bool
    /// What reading the file gave.
    public var reading: AttachmentReading

    /// `isHostileName` is worked out from the name unless given.
    public init(fileName: String, reading: AttachmentReading, isHostileName: Bool? = nil) {
        self.fileName = fileName
        self.reading = reading
        self.isHostileName = isHostileName ?? HostileFileName.isHostile(fileName)
    }
}
