/// A reading with the file it came from: the shape of expected.json's application records
/// (`{"file", "readable", "error_kind", "rows", "invalid_rows"}`).
public struct ApplicationFileRecord: Sendable, Equatable, Codable {
    public var file: String
    public var reading: ApplicationReading

    public init(file: String, reading: ApplicationReading) {
        self.file = file
        self.reading = reading
    }

    enum CodingKeys: String, CodingKey { case file }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        reading = try ApplicationReading(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try reading.encode(to: encoder)
    }
}
