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
/// under. Any write to the store, by the bot or by the console, changes the fingerprint. Pages of
/// a store that changed within the last moment are not kept (`StoreFingerprint.isSettled`):
/// only the requests that arrive while such a page is being made share it. Only successful HTML
/// pages are kept, of the current minute, `capacity` at most.
final class PageCache: @unchecked Sendable {
    /// One cache for the process: keys carry the store's root and the session.
    static let shared = PageCache()

    /// Pages kept at most (a few sessions' worth; the messages page is the biggest, some hundred KB).
    let capacity = 64

    private struct Entry {
        var fingerprint: StoreFingerprint
        var response: ConsoleResponse
    }

    /// A page being made: requests for the same page of the same store wait for it instead of
    /// making it again (twenty browsers after a change of the store would each take the whole time).
    private final class Flight {
        let fingerprint: StoreFingerprint
        var response: ConsoleResponse?
        var isOver = false
        init(fingerprint: StoreFingerprint) { self.fingerprint = fingerprint }
    }

    private let condition = NSCondition()
    private var minute: Int64 = .min
    private var entries: [String: Entry] = [:]
    private var flights: [String: Flight] = [:]

    /// The page for `request` from memory when the store has not changed since it was made,
    /// else `build()`'s answer (kept when it is a page and the store had settled).
    func response(for request: ConsoleRequest, session: String, language: String, store: FileStore, now: Date,
                  build: () throws -> ConsoleResponse) rethrows -> ConsoleResponse {
        let minute = Int64((now.timeIntervalSince1970 / 60).rounded(.down))
        let query = request.query.sorted { $0.key < $1.key }.map { $0.key + "=" + $0.value }.joined(separator: "&")
        let key = [store.root.path, session, language, request.path, query, String(minute)].joined(separator: "\u{0}")
        // Taken before the page is made: a write while it is made leaves the entry stale.
        let fingerprint = store.fingerprint()

        condition.lock()
        if let hit = entries[key], hit.fingerprint == fingerprint {
            condition.unlock()
            return hit.response
        }
        if let flight = flights[key], flight.fingerprint == fingerprint {
            while !flight.isOver { condition.wait() }
            condition.unlock()
            // When the page could not be made, this request makes it itself and reports its own error.
            return try flight.response ?? build()
        }
        let flight = Flight(fingerprint: fingerprint)
        flights[key] = flight
        condition.unlock()

        var response: ConsoleResponse?
        defer {
            condition.lock()
            flight.response = response
            flight.isOver = true
            if flights[key] === flight { flights[key] = nil }
            if let response, fingerprint.isSettled, response.status == 200, response.contentType.hasPrefix("text/html") {
                if self.minute != minute {
                    self.minute = minute
                    entries.removeAll()
                }
                if entries[key] == nil, entries.count >= capacity { entries.removeAll() }
                entries[key] = Entry(fingerprint: fingerprint, response: response)
            }
            condition.broadcast()
            condition.unlock()
        }
        response = try build()
        return response!
    }
}
