/// What a roster replacement changed, keyed by e-mail address.
public struct RosterDiff: Equatable, Sendable {
    /// One person whose row changed.
    public struct Change: Equatable, Sendable {
        /// The row before the replacement.
        public let before: RosterPerson
        /// The row after it.
        public let after: RosterPerson
    }

    /// People in the new roster only.
    public let added: [RosterPerson]
    /// People in the old roster only.
    public let removed: [RosterPerson]
    /// People in both whose rows differ.
    public let changed: [Change]

    /// Nothing changed.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    /// What changed from `old` to `new`.
    public init(from old: Roster, to new: Roster) {
        added = new.people.filter { old.person(address: $0.email) == nil }
        removed = old.people.filter { new.person(address: $0.email) == nil }
        changed = new.people.compactMap { person in
            guard let before = old.person(address: person.email), before != person else { return nil }
            return Change(before: before, after: person)
        }
    }
}
