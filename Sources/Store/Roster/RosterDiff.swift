/// What a roster replacement changed, keyed by e-mail address.
public struct RosterDiff: Equatable, Sendable {
    public struct Change: Equatable, Sendable {
        public let before: RosterPerson
        public let after: RosterPerson
    }

    public let added: [RosterPerson]
    public let removed: [RosterPerson]
    public let changed: [Change]

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    public init(from old: Roster, to new: Roster) {
        added = new.people.filter { old.person(address: $0.email) == nil }
        removed = old.people.filter { new.person(address: $0.email) == nil }
        changed = new.people.compactMap { person in
            guard let before = old.person(address: person.email), before != person else { return nil }
            return Change(before: before, after: person)
        }
    }
}
