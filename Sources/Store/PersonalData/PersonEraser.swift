public import Foundation
import Staff

/// `cpdbot person erase`: removes or anonymises one person's data everywhere in the store,
/// except what a legal duty keeps, and says what it kept and why (Law 94-V). The caller holds
/// the store's lock (`FileStore.lock()`): nothing else may write while files are rewritten.
///
/// - roster entry, their application rows, messages from or about them, outgoing messages to
///   or about them (queued ones are never sent): removed;
/// - rows they submitted for others: kept, the submitter replaced by a pseudonym;
/// - the journal and any other text file: the address replaced by the pseudonym, so that the
///   record of what happened stays whole without saying to whom;
/// - `training/` (certificates issued, §8 work-off obligations) and `plans/` (the Plans DSHR
///   approved, the university's record of the cycle): kept, named in the report.
public struct PersonEraser {
    /// What an erasure did, for the operator and for the person who asked.
    public struct Report: Sendable {
        /// The stable name that replaces the address where a record must stay.
        public var pseudonym: String
        /// What was removed or anonymised, one line each.
        public var done: [String]
        /// Files kept on purpose, with the reason.
        public var kept: [(path: String, reason: String)]
        /// Files outside the kept areas that still name the address (should be empty).
        public var remaining: [String]
    }

    /// The areas erasure leaves alone, each with the legal reason, quoted in the report.
    public static let keptAreas: [PersonData.Area: String] = [
        .training: "certificates issued and §8 work-off obligations: kept while the law and the Regulation require",
        .plans: "the Plan DSHR approved is the university's record of the cycle (Regulation §7.7)",
    ]

    /// The store erased from.
    public let store: FileStore

    /// An eraser for `store`; the caller holds the writing lock while it runs.
    public init(store: FileStore) {
        self.store = store
    }

    /// Removes or anonymises everything about `email` except the kept areas, journals who did it (`who`, an operator), and reports what it did.
    public func erase(email: String, by who: String, now: Date = Date()) throws -> Report {
        let found = try PersonData(store: store, email: email)
        let address = found.email
        let pseudonym = "erased-" + UUID().uuidString.lowercased().prefix(8)
        var done: [String] = []

        // Roster.
        if let roster = try? store.roster.load(), roster.person(address: address) != nil {
            try store.roster.replace(with: Roster(people: roster.people.filter { $0.email != address }))
            done.append("roster.csv: their entry removed")
        }
        // Applications: their rows go; rows they submitted for others keep a pseudonym.
        for cycle in try store.applications.cycles() {
            let rows = try store.applications.all(cycle: cycle)
            for (unit, unitRows) in Dictionary(grouping: rows, by: \.unit) {
                guard unitRows.contains(where: { $0.email == address || $0.submittedBy.lowercased() == address }) else { continue }
                let kept = unitRows.filter { $0.email != address }.map { row -> StoredApplicationRow in
                    var row = row
                    if row.submittedBy.lowercased() == address { row.submittedBy = pseudonym }
                    return row
                }
                try store.applications.replace(unit: unit, cycle: cycle, rows: kept, now: now)
                done.append("applications/\(cycle) \(unit): \(unitRows.count - kept.count) row(s) removed, submitter anonymised")
            }
        }
        // Messages from or about them, and their index lines.
        let needle = Array(address.utf8)
        var deletedHashes: [String] = []
        for path in try PersonData.files(in: store.root) where PersonData.area(of: path) == .messages && path.hasSuffix(".eml") {
            let url = store.root.appendingPathComponent(path)
            guard let data = try POSIX.readIfExists(url), PersonData.occurrences(of: needle, in: data) > 0 else { continue }
            try FileManager.default.removeItem(at: url)
            deletedHashes.append(url.deletingPathExtension().lastPathComponent)
        }
        if !deletedHashes.isEmpty {
            try rewriteLines(of: store.archive.directory.appendingPathComponent("index.jsonl")) { line in
                deletedHashes.contains { line.contains($0) } ? nil : line
            }
            store.archive.forgetIndex()
            done.append("messages: \(deletedHashes.count) message(s) from or about them deleted")
        }
        // Outgoing messages to or about them: state and bytes.
        var outgoing = Set<String>()
        for path in try PersonData.files(in: store.root) where PersonData.area(of: path) == .outbox {
            let url = store.root.appendingPathComponent(path)
            guard path.hasSuffix(".json") || path.hasSuffix(".eml"),
                  let data = try POSIX.readIfExists(url), PersonData.occurrences(of: needle, in: data) > 0 else { continue }
            outgoing.insert(url.deletingPathExtension().path)
        }
        for stem in outgoing {
            try? FileManager.default.removeItem(atPath: stem + ".json")
            try? FileManager.default.removeItem(atPath: stem + ".eml")
        }
        if !outgoing.isEmpty { done.append("outbox: \(outgoing.count) message(s) to or about them deleted (queued ones will not be sent)") }

        // Everything else outside the kept areas: the address becomes the pseudonym.
        var kept: [(path: String, reason: String)] = []
        for path in try PersonData.files(in: store.root) {
            let area = PersonData.area(of: path)
            let url = store.root.appendingPathComponent(path)
            guard let data = try POSIX.readIfExists(url), PersonData.occurrences(of: needle, in: data) > 0 else { continue }
            if let reason = Self.keptAreas[area] {
                kept.append((path, reason))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else { continue }
            let replaced = text.replacingOccurrences(of: address, with: pseudonym, options: .caseInsensitive)
            try AtomicFile.write(Data(replaced.utf8), to: url)
            done.append("\(path): the address replaced by \(pseudonym)")
        }
        let remaining = try PersonData.files(in: store.root).filter { path in
            Self.keptAreas[PersonData.area(of: path)] == nil
                && ((try? POSIX.readIfExists(store.root.appendingPathComponent(path))).flatMap { $0 }
                    .map { PersonData.occurrences(of: needle, in: $0) > 0 } ?? false)
        }
        try store.journal.append(JournalEvent(at: now, event: "person_erased", detail:
            "one person's data erased as \(pseudonym) by \(who); \(done.count) change(s); kept \(kept.count) file(s) by legal duty"))
        return Report(pseudonym: pseudonym, done: done, kept: kept, remaining: remaining)
    }

    /// Rewrites a line-oriented file atomically; `transform` returns nil to drop a line.
    private func rewriteLines(of url: URL, _ transform: (String) -> String?) throws {
        guard let data = try POSIX.readIfExists(url) else { return }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        let kept = lines.compactMap { transform(String($0)) }
        try AtomicFile.write(Data((kept.map { $0 + "\n" }.joined()).utf8), to: url)
    }
}
