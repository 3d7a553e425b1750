import Foundation

/// The people the bot knows, with the look-ups routing needs.
public struct Roster: Equatable, Sendable {
    /// Everyone, in the roster's order.
    public let people: [RosterPerson]
    private let byEmail: [String: RosterPerson]
    /// Every unit, sorted; counted once here (the console's overview asked for it on every
    /// request, a set of 10,000 people's units each time).
    public let units: [String]

    /// A roster of `people`; where an address repeats, the first row counts for look-ups.
    public init(people: [RosterPerson]) {
        self.people = people
        var index: [String: RosterPerson] = [:]
        for person in people where index[person.email] == nil { index[person.email] = person }
        byEmail = index
        units = Array(Set(people.map(\.unit))).sorted()
    }

    /// The person with this address, case-insensitively (`<…>` and spaces around are ignored).
    /// Only an ASCII address can match: Unicode lowercasing folds look-alikes such as the
    /// Kelvin sign `K` (U+212A) into `k`, so `a@\u{212A}azguu.kz` would otherwise pass for a head.
    public func person(address: String) -> RosterPerson? {
        let key = Self.normalizedAddress(address)
        guard address.unicodeScalars.allSatisfy(\.isASCII) else { return nil }
        return byEmail[key]
    }

    /// People whose name matches: the same words ignoring case, order, `ё`/`е` and punctuation,
    /// or (for a short form such as "Омаров Дәурен") every given word of two or more.
    public func people(named name: String) -> [RosterPerson] {
        let wanted = Self.nameWords(name)
        guard !wanted.isEmpty else { return [] }
        let exact = people.filter { Self.nameWords($0.fullName).sorted() == wanted.sorted() }
        if !exact.isEmpty { return exact }
        guard wanted.count >= 2 else { return [] }
        return people.filter { Set(Self.nameWords($0.fullName)).isSuperset(of: wanted) }
    }

    /// The one person with this name; nil when none or several match (a forward that names
    /// only the author must not be attributed to the wrong namesake).
    public func person(named name: String) -> RosterPerson? {
        let matches = people(named: name)
        return matches.count == 1 ? matches.first : nil
    }

    /// The heads (role `head`) of `unit`.
    public func heads(of unit: String) -> [RosterPerson] {
        people.filter { $0.unit == unit && $0.role == .head }
    }

    /// Everyone with role `head`.
    public var heads: [RosterPerson] { people.filter { $0.role == .head } }

    /// Everyone with role `dshr`.
    public var dshr: [RosterPerson] { people.filter { $0.role == .dshr } }

    static func normalizedAddress(_ raw: String) -> String {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("<"), text.hasSuffix(">") { text = String(text.dropFirst().dropLast()) }
        return text.lowercased()
    }

    static func nameWords(_ name: String) -> [String] {
        name.lowercased()
            .replacingOccurrences(of: "ё", with: "е")
            .components(separatedBy: CharacterSet.letters.inverted)
            .filter { !$0.isEmpty }
    }
}
