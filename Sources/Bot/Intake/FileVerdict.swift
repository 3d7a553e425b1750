import Applications

/// What the intake made of one attached file.
struct FileVerdict: Sendable {
    var file: IncomingFile
    /// nil for files that are not candidates (inline images, containers).
    var reading: ApplicationReading?

    /// Rows the file contributes (valid employee rows).
    var validRows: [ApplicationRow] { reading?.rows ?? [] }

    var isUsable: Bool { !(reading?.rows.isEmpty ?? true) }
}
