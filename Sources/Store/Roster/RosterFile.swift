public import Foundation
public import Staff

/// `roster.csv` at the top of the store.
public struct RosterFile: Sendable {
    /// `roster.csv` inside the store.
    public let url: URL

    init(url: URL) {
        self.url = url
    }

    /// The current roster. Throws `notFound` when none was installed yet.
    public func load() throws -> Roster {
        guard let roster = try StoreReadCache.shared.value(path: url.path, decode: { try RosterCSV.parse($0, path: url.path) }) else {
            throw StoreError.notFound(
                what: "the roster (install it with `cpdbot` or send it to the bot with [ROSTER] in the subject)",
                path: url.path)
        }
        return roster
    }

    /// Validates `data` and, only if it is valid, replaces the roster atomically. Returns who
    /// was added, removed or changed. `sourceName` names the file in error messages.
    @discardableResult
    public func replace(with data: Data, sourceName: String? = nil) throws -> RosterDiff {
        let new = try RosterCSV.parse(data, path: sourceName ?? url.path)
        return try replace(with: new)
    }

    /// Writes `roster` atomically and returns who was added, removed or changed against the file it replaces.
    @discardableResult
    public func replace(with roster: Roster) throws -> RosterDiff {
        let old = (try? POSIX.readIfExists(url)).flatMap { $0 }.flatMap { try? RosterCSV.parse($0, path: url.path) }
        try AtomicFile.write(RosterCSV.render(roster), to: url)
        return RosterDiff(from: old ?? Roster(people: []), to: roster)
    }
}
