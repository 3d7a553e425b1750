/// What one application file (or one table pasted into a message body) yields.
public struct ApplicationReading: Sendable, Equatable, Codable {
    /// False when the file could not be read at all (`errorKind` says why).
    public var readable: Bool
    /// `ReadingErrorKind.rawValue`, or nil when a table was found.
    public var errorKind: String?
    /// Valid employee rows, in file order.
    public var rows: [ApplicationRow]
    /// One entry per problem, by row and then in the record's field order.
    public var invalidRows: [RowProblem]
    /// For people: why the file could not be read, naming the file. Not part of the JSON record.
    public var detail: String?

    /// A reading; a readable one usually carries rows.
    public init(readable: Bool, errorKind: String?, rows: [ApplicationRow] = [],
                invalidRows: [RowProblem] = [], detail: String? = nil) {
        self.readable = readable
        self.errorKind = errorKind
        self.rows = rows
        self.invalidRows = invalidRows
        self.detail = detail
    }

    /// A file that yields no table, with the reason.
    public init(failure: ReadingErrorKind, detail: String) {
        self.init(readable: failure.fileWasReadable, errorKind: failure.rawValue, detail: detail)
    }

    /// `errorKind` as a typed value; nil when a table was found or the kind is unknown.
    public var failure: ReadingErrorKind? { errorKind.flatMap(ReadingErrorKind.init(rawValue:)) }

    /// Readable, a table found, and not a single problem.
    public var isCleanlyValid: Bool { readable && errorKind == nil && invalidRows.isEmpty }

    enum CodingKeys: String, CodingKey {
        case readable
        case errorKind = "error_kind"
        case rows
        case invalidRows = "invalid_rows"
    }

    /// Reads the JSON keys of samples/README.md (`readable`, `error_kind`, `rows`, `invalid_rows`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        readable = try container.decode(Bool.self, forKey: .readable)
        errorKind = try container.decodeIfPresent(String.self, forKey: .errorKind)
        rows = try container.decodeIfPresent([ApplicationRow].self, forKey: .rows) ?? []
        invalidRows = try container.decodeIfPresent([RowProblem].self, forKey: .invalidRows) ?? []
        detail = nil
    }

    /// Writes the JSON keys of samples/README.md, nulls included.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(readable, forKey: .readable)
        try container.encode(errorKind, forKey: .errorKind)
        try container.encode(rows, forKey: .rows)
        try container.encode(invalidRows, forKey: .invalidRows)
    }
}
