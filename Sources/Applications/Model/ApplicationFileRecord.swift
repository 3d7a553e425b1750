/// A reading with the file it came from: the shape of expected.json's application records
/// (`{"file", "readable", "error_kind", "rows", "invalid_rows"}`).
public struct ApplicationFileRecord: Sendable, Equatable, Codable {
    /// The file as named to the reader (the path given to `cpdbot validate`).
    public var file: String
    /// What reading it yielded.
    public var reading: ApplicationReading

    /// The record of one file.
    public init(file: String, reading: ApplicationReading) {
        self.file = file
        self.reading = reading
    }

    enum CodingKeys: String, CodingKey { case file }

    /// Reads the flat JSON of samples/README.md (`file` beside the reading's keys).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        reading = try ApplicationReading(from: decoder)
    }

    /// Writes the flat JSON of samples/README.md (`file` beside the reading's keys).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try reading.encode(to: encoder)
    }
}
