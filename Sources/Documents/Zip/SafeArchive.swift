/// An office file's zip container, read in memory with every inflated byte counted.
///
/// A zip bomb claims little and inflates to gigabytes, so members are inflated chunk by chunk,
/// the real bytes are counted, and reading stops as soon as one member, all members together,
/// or one member's compression ratio passes `DocumentLimits` (see `ZipMemberReader`). The sizes the archive claims are
/// never trusted. Nothing is written to disk; still, a member name that is a path out of the
/// archive, or that repeats another, makes the file unsafe (`ZipMemberName`).
final class SafeArchive {
    private let bytes: [UInt8]
    private let directory: ZipDirectory
    private let limits: DocumentLimits
    private let fileName: String
    private var byName: [String: ZipDirectory.Member] = [:]
    private let inflated = ZipMemberReader.InflatedBytes()
    private let messageBudget: InflationBudget?

    /// Member names in archive order.
    var memberNames: [String] { directory.members.map(\.name) }

    /// Opens `bytes` as a zip archive; a missing central directory (truncated download) or a
    /// damaged header is `encrypted_or_corrupt`.
    init(bytes: [UInt8], fileName: String, limits: DocumentLimits, messageBudget: InflationBudget? = nil) throws(DocumentError) {
        self.bytes = bytes
        self.messageBudget = messageBudget
        self.limits = limits
        self.fileName = fileName
        directory = try ZipDirectory(bytes: bytes, fileName: fileName, limits: limits)
        for member in directory.members {
            if let problem = ZipMemberName.problem(member.name) {
                throw DocumentError(.unsafeArchive,
                    "\(fileName) holds \(problem): \(ZipMemberName.quoted(member.name)); it was not unpacked.")
            }
            // Two members of one name: each program would read another one.
            guard byName[member.name] == nil else {
                throw DocumentError(.unsafeArchive,
                    "\(fileName) holds two members named \(ZipMemberName.quoted(member.name)); it was not unpacked.")
            }
            byName[member.name] = member
        }
    }

    func contains(_ name: String) -> Bool { byName[name] != nil }

    /// The inflated bytes of member `name` (a small part read whole), or nil when the archive
    /// has no such member. Such a part larger than `limits.maxXMLTokenBytes` is a bomb: a real
    /// `mimetype` or `[Content_Types].xml` has a few kilobytes.
    func member(_ name: String) throws(DocumentError) -> [UInt8]? {
        try open(name)?.readAll(atMost: limits.maxXMLTokenBytes)
    }

    /// A tokenizer that reads XML member `name` as it is inflated, never holding it whole.
    func xml(_ name: String) throws(DocumentError) -> XMLTokenizer? {
        guard let reader = try open(name) else { return nil }
        return XMLTokenizer(source: reader, partName: name, maxDepth: limits.maxXMLDepth,
                            maxTokenBytes: limits.maxXMLTokenBytes)
    }

    /// A reader that inflates member `name` chunk by chunk (for parts too large to hold whole),
    /// or nil when the archive has no such member.
    func open(_ name: String) throws(DocumentError) -> ZipMemberReader? {
        guard let member = byName[name] else { return nil }
        if member.flags & 1 != 0 {
            throw DocumentError(.encryptedOrCorrupt,
                "\(fileName): member \(member.name) is encrypted; remove the password and send the file again.")
        }
        guard let range = directory.dataRange(of: member, in: bytes) else {
            throw DocumentError(.encryptedOrCorrupt,
                "\(fileName): member \(member.name) cannot be read (its data lies outside the file); the file is damaged.")
        }
        return try ZipMemberReader(member: member, bytes: bytes, dataRange: range, budget: inflated,
                                   messageBudget: messageBudget, fileName: fileName, limits: limits)
    }
}
