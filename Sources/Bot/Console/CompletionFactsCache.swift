import Regulation
public import Foundation
import Store

/// The console's completion facts kept while the files they come from are unchanged (issue 17:
/// at 10,000 people working them out – the training ledger against every stored Plan – took
/// 1.2–1.5 s, and the completions page did it on each request after any change of the store,
/// a journal line included). The facts depend on the ledger, the Plans (`plans/<slot>/`, each
/// written by a rename into its folder, which moves the folder's times), the policy (read once
/// per process) and today (a result without a completion date counts from today): so they are
/// kept per store under the identities of those files and folders and the day, and worked out
/// again only when one of them changed. Identities are trusted only once settled (no change
/// within the file system's timestamp tick, as `StoreReadCache` does).
public final class CompletionFactsCache: @unchecked Sendable {
    /// One cache for the process, by store.
    public static let shared = CompletionFactsCache()

    private struct Kept {
        var stamp: Stamp
        var facts: CompletionFacts
    }

    /// The day and the identities of the files the facts come from (a missing file has none).
    struct Stamp: Equatable {
        var day: String
        var files: [String: FileIdentity]
    }

    private let lock = NSLock()
    private var kept: [String: Kept] = [:]
    private var made = 0

    /// How many times the facts were worked out (the tests).
    public var computations: Int { lock.withLock { made } }

    /// The facts of `environment`'s store today, from memory while its ledger and Plans are unchanged.
    public func facts(environment: BotEnvironment) throws -> CompletionFacts {
        try facts(environment: environment) { try CycleDesk(environment: environment).completionFacts() }
    }

    /// As above, `make` working the facts out when they are not kept.
    func facts(environment: BotEnvironment, make: () throws -> CompletionFacts) throws -> CompletionFacts {
        let store = environment.store
        let now = environment.now()
        let today = CivilDate(now, in: environment.timeZone)
        let before = Self.stamp(store: store, today: today, now: now)
        let key = store.root.standardizedFileURL.path
        if let before, let hit = lock.withLock({ kept[key] }), hit.stamp == before { return hit.facts }
        let facts = try make()
        lock.withLock {
            made += 1
            // Kept only when nothing changed while the facts were worked out.
            if let before, Self.stamp(store: store, today: today, now: now) == before {
                kept[key] = Kept(stamp: before, facts: facts)
            }
        }
        return facts
    }

    /// The day and the identities of the ledger, the Plans' folder and each Plan's folder; nil
    /// when one changed within the last moment (its identity could change again unseen).
    static func stamp(store: FileStore, today: CivilDate, now: Date) -> Stamp? {
        var paths = [store.trainingLedger.url.path, store.plans.directory.path]
        let slots = (try? FileManager.default.contentsOfDirectory(atPath: store.plans.directory.path)) ?? []
        paths += slots.map { store.plans.directory.appendingPathComponent($0).path }
        var files: [String: FileIdentity] = [:]
        for path in paths {
            guard let identity = FileIdentity.of(path) else { continue }
            guard identity.isSettled(now: now) else { return nil }
            files[path] = identity
        }
        return Stamp(day: today.iso, files: files)
    }
}
