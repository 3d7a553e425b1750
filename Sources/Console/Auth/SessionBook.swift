import Foundation
import Staff
import Store

/// Signed-in browsers, in memory: a restart signs everybody out, which is the safe side. A
/// session ends after `idle` without a request and `absolute` after signing in.
final class SessionBook: @unchecked Sendable {
    struct Session: Sendable, Equatable {
        /// The cookie's value (random, 256 bits).
        let id: String
        /// Sent back in every form and compared on every POST.
        let csrf: String
        let viewer: ConsoleViewer
        let createdAt: Date
        var lastSeenAt: Date
        var language: RosterPerson.Language
    }

    let idle: TimeInterval
    let absolute: TimeInterval
    private var sessions: [String: Session] = [:]
    private let lock = NSLock()

    init(idle: TimeInterval, absolute: TimeInterval) {
        self.idle = idle
        self.absolute = absolute
    }

    func open(viewer: ConsoleViewer, now: Date) -> Session {
        let session = Session(id: ConsoleSecrets.token(), csrf: ConsoleSecrets.token(), viewer: viewer, createdAt: now,
                              lastSeenAt: now, language: viewer.language)
        lock.withLock {
            sessions = sessions.filter { isAlive($0.value, now: now) }
            sessions[session.id] = session
        }
        return session
    }

    /// The live session with this cookie value, touched (its idle time starts again).
    func find(_ id: String?, now: Date) -> Session? {
        guard let id, ConsoleSecrets.looksLikeToken(id) else { return nil }
        return lock.withLock {
            guard var session = sessions[id] else { return nil }
            guard isAlive(session, now: now) else {
                sessions[id] = nil
                return nil
            }
            session.lastSeenAt = now
            sessions[id] = session
            return session
        }
    }

    func setLanguage(_ language: RosterPerson.Language, for id: String) {
        lock.withLock { sessions[id]?.language = language }
    }

    func close(_ id: String) {
        lock.withLock { sessions[id] = nil }
    }

    private func isAlive(_ session: Session, now: Date) -> Bool {
        now.timeIntervalSince(session.lastSeenAt) < idle && now.timeIntervalSince(session.createdAt) < absolute
    }
}
