import Foundation
import Store

/// Signed-in pages kept while nothing they are made of changed (issue 17: at a big university's
/// size the overview, the messages and the compliance pages take from a tenth of a second to
/// seconds to compute from the roster, the applications, the outbox and the journal; DSHR and
/// the heads open the same pages again and again between two changes of the store).
///
/// A page is reused only for the same session (so the same viewer and CSRF token), language,
/// path and query, within the same minute of the clock (the pages show today, working days left
/// and times), while the store's fingerprint (`FileStore.fingerprint()`) is the one it was made
/// under and had settled. Any write to the store, by the bot or by the console, changes the
/// fingerprint. After a change one request makes the page again; the others get the page made
/// before while it is at most `console.stale_page_ms` old, or wait for the new one
/// (`SingleFlightCache`). Only successful HTML pages are kept, `capacity` at most.
final class PageCache: @unchecked Sendable {
    /// One cache for the process: keys carry the store's root and the session.
    static let shared = PageCache()

    /// Pages kept at most (a few sessions' worth; the messages page is the biggest, some hundred KB).
    static let capacity = 64

    let pages: SingleFlightCache<StoreFingerprint, ConsoleResponse>

    init(clock: @escaping @Sendable () -> Date = { Date() }) {
        pages = SingleFlightCache(capacity: Self.capacity, clock: clock)
    }

    /// Pages made so far (`cpdbot_console_page_builds_total`): how often a request found no page to reuse.
    var builds: Int { pages.builds }

    /// The page for `request` from memory when the store has not changed since it was made (or,
    /// while another request makes it again, when it is at most `maxStale` old), else `build()`'s
    /// answer.
    func response(for request: ConsoleRequest, session: String, language: String, store: FileStore, now: Date,
                  maxStale: TimeInterval, build: () throws -> ConsoleResponse) rethrows -> ConsoleResponse {
        let minute = Int64((now.timeIntervalSince1970 / 60).rounded(.down))
        let query = request.query.sorted { $0.key < $1.key }.map { $0.key + "=" + $0.value }.joined(separator: "&")
        let key = [store.root.path, session, language, request.path, query, String(minute)].joined(separator: "\u{0}")
        return try pages.value(
            key: key, maxStale: maxStale,
            // Taken before the page is made: a write while it is made leaves the entry stale.
            version: {
                let fingerprint = store.fingerprint()
                return (fingerprint, fingerprint.isSettled)
            },
            keep: { $0.status == 200 && $0.contentType.hasPrefix("text/html") },
            build: build)
    }
}
