import Applications

/// What the intake made of one attached file.
struct FileVerdict: Sendable {
    var file: IncomingFile
    /// nil for files that are not candidates (inline images, containers).
    var reading: ApplicationReading?

    /// Rows the file contributes (valid employee rows).
    var validRows: [ApplicationRow] { reading?.rows ?? [] }

    var isUsable: Bool { !(reading?.rows.isEmpty ?? true) }

    /// A hostile file: a name that is a path, or content built to harm (bombs, entities).
    var isHostile: Bool { file.role == .attachment && (file.hasHostileName || reading?.failure == .unsafeArchive) }
}
