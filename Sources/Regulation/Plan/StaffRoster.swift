/// What the rules need to know about a person on the roster (DESIGN.md "Roster"). The store
/// owns `roster.csv`; callers map its rows to this.
public struct StaffMember: Sendable, Equatable {
    /// Lower-cased and trimmed.
    public var email: String
    /// PPS or ABP (§2).
    public var category: Audience
    /// Leadership (§6.3.2): management training every five years.
    public var isLeadership: Bool

    /// A member; the address is normalised.
    public init(email: String, category: Audience, isLeadership: Bool) {
        self.email = EmailAddress.normalize(email)
        self.category = category
        self.isLeadership = isLeadership
    }
}

/// The staff the Regulation checks look people up in, by normalised address.
public struct StaffRoster: Sendable, Equatable {
    /// Everyone, by normalised address; a later duplicate wins.
    public private(set) var people: [String: StaffMember] = [:]

    /// A roster of `people`.
    public init(_ people: [StaffMember]) {
        for person in people { self.people[person.email] = person }
    }

    /// The member with this address (any case), nil when unknown.
    public func person(_ email: String) -> StaffMember? { people[EmailAddress.normalize(email)] }
}

enum EmailAddress {
    /// Addresses match case-insensitively, after trimming (samples/cycle/README.md §5.3).
    static func normalize(_ text: String) -> String { text.trimmingWhitespace().lowercased() }

    /// A plausible address: one `@`, something on both sides, a dot in the domain, no spaces.
    static func isPlausible(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), address.count <= 254 else { return false }
        return !address.unicodeScalars.contains { $0.properties.isWhitespace || $0 == "," || $0 == ";" }
    }
}
