/// Every limit a reader enforces; defaults are safe for a university mailbox.
public struct DocumentLimits: Sendable, Equatable {
    /// Largest file accepted at all (samples/README.md: 10 MiB).
    public var maxFileBytes: Int = 10 * 1024 * 1024
    /// Total bytes all archive members may inflate to (real bytes counted, never the claimed size).
    public var maxInflatedBytes: Int = 200 * 1024 * 1024
    /// Largest single archive member once inflated.
    public var maxMemberBytes: Int = 100 * 1024 * 1024
    /// Largest ratio of inflated to compressed bytes for one member before it counts as a bomb.
    public var maxCompressionRatio: Int = 200
    /// Most members a zip container may list (an office file has a few dozen; a hundred
    /// thousand empty members is an attack on the central directory reader).
    public var maxArchiveMembers: Int = 10_000
    /// The most rows read from one table.
    public var maxRows: Int = 100_000
    /// Most cells (merged copies included) one document may yield: rows × columns alone would
    /// allow 25 million cells, which a 10 MB file can describe and memory cannot hold. Half a
    /// million (some 20 MB) is forty times a full application of 10,000 rows × 12 columns.
    /// Shared strings count against it too: each is held until the sheets are read.
    public var maxCells: Int = 500_000
    /// The most columns read from one row.
    public var maxColumns: Int = 256
    /// The most tables (sheets) read from one document.
    public var maxTables: Int = 64
    /// The deepest XML nesting accepted (an XML bomb nests deep).
    public var maxXMLDepth: Int = 256
    /// The longest single XML token (text node, tag with its attributes) read from an archive
    /// member, in bytes: the streaming window never grows past it (`limits.max_xml_token_bytes`).
    public var maxXMLTokenBytes: Int = 1 << 20
    /// Archive members with at least this many compressed bytes are inflated on a thread of
    /// their own while they are parsed (a tuning knob, not a safety limit: the caps above apply
    /// the same way).
    public var inflateAheadMinBytes: Int = 1 << 20

    /// The defaults above.
    public init() {}
}
