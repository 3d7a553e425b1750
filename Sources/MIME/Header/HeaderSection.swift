/// The header section of a message or of a MIME part, in order of appearance.
public struct HeaderSection: Sendable, Equatable {
    /// Every field, in order; names repeat (Received, Authentication-Results).
    public let fields: [HeaderField]

    /// A section of the given fields.
    public init(fields: [HeaderField]) { self.fields = fields }

    /// All fields with this name (case-insensitive), top first.
    public func all(_ name: String) -> [HeaderField] {
        fields.filter { $0.name.caseInsensitiveEquals(name) }
    }

    /// The first (topmost) field with this name.
    public func first(_ name: String) -> HeaderField? {
        fields.first { $0.name.caseInsensitiveEquals(name) }
    }

    /// The decoded value of the topmost field with this name.
    public subscript(_ name: String) -> String? { first(name)?.decodedValue }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool {
        utf8.count == other.utf8.count && lowercased() == other.lowercased()
    }
}
