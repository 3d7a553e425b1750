public import Applications

/// What the intake made of one attached file.
public struct FileVerdict: Sendable {
    /// The file as the message carries it.
    public var file: IncomingFile
    /// nil for files that are not candidates (inline images, containers).
    public var reading: ApplicationReading?

    /// Rows the file contributes (valid employee rows).
    public var validRows: [ApplicationRow] { reading?.rows ?? [] }

    /// The file gave at least one valid row.
    public var isUsable: Bool { !(reading?.rows.isEmpty ?? true) }
}
