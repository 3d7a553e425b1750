public import Foundation

/// The console's one-time sign-in links: `<store>/console/links.json` (0600). A link is kept
/// only as the SHA-256 of its token, with the SHA-256 of the nonce cookie of the browser that
/// asked for it: whoever reads the store cannot sign in with what they read.
public struct ConsoleLinkBook: Sendable {
    /// `console/` inside the store.
    public let directory: URL

    /// The link book of `store`.
    public init(store: FileStore) {
        directory = store.root.appendingPathComponent("console")
    }

    var url: URL { directory.appendingPathComponent("links.json") }

    /// One link mailed.
    public struct Link: Codable, Equatable, Sendable {
        /// Hex SHA-256 of the token in the link.
        public var tokenHash: String
        /// Hex SHA-256 of the nonce cookie of the browser that asked.
        public var browserHash: String
        /// The address the link was mailed to, lower-cased.
        public var email: String
        /// When the link was asked for.
        public var createdAt: Date
        /// After this the link signs nobody in.
        public var expiresAt: Date
        /// When the link was used; a link works once.
        public var usedAt: Date?
        /// The sign-in mail in the outbox (it carries the link: deleted once the link is spent).
        public var messageID: String?

        /// A link record; the token and the cookie only as hashes.
        public init(tokenHash: String, browserHash: String, email: String, createdAt: Date, expiresAt: Date,
                    messageID: String? = nil) {
            self.tokenHash = tokenHash
            self.browserHash = browserHash
            self.email = email
            self.createdAt = createdAt
            self.expiresAt = expiresAt
            self.messageID = messageID
        }
    }

    /// Why a link did not sign anybody in, or whom it signed in.
    public enum Redemption: Equatable, Sendable {
        case signedIn(Link)
        case unknown, expired, alreadyUsed, otherBrowser
    }

    struct File: Codable { var links: [Link] = [] }

    /// One process serves the console; the lock orders its own requests.
    private static let lock = NSLock()

    /// Keeps `link`, and forgets links that ended more than a day ago.
    public func add(_ link: Link, now: Date) throws {
        try Self.lock.withLock {
            var file = try load()
            file.links.removeAll { $0.expiresAt < now.addingTimeInterval(-86_400) }
            file.links.append(link)
            try save(file)
        }
    }

    /// Spends the link whose token hashes to `tokenHash`, if it is still good and this is the
    /// browser that asked for it. A link presented by another browser stays unspent (the right
    /// browser may still use it); an expired or used one never works.
    public func redeem(tokenHash: String, browserHash: String, now: Date) throws -> Redemption {
        try Self.lock.withLock {
            var file = try load()
            guard let index = file.links.firstIndex(where: { $0.tokenHash == tokenHash }) else { return .unknown }
            let link = file.links[index]
            if link.usedAt != nil { return .alreadyUsed }
            if link.expiresAt <= now { return .expired }
            if link.browserHash != browserHash { return .otherBrowser }
            file.links[index].usedAt = now
            try save(file)
            return .signedIn(file.links[index])
        }
    }

    /// Links mailed to `email` since `since` (for the per-address limit, across restarts).
    public func count(email: String, since: Date) throws -> Int {
        try Self.lock.withLock { try load().links.filter { $0.email == email && $0.createdAt >= since }.count }
    }

    /// The sign-in mails whose links are spent or expired: their raw copies may go.
    public func finishedMessageIDs(now: Date) throws -> [String] {
        try Self.lock.withLock {
            try load().links.filter { $0.usedAt != nil || $0.expiresAt <= now }.compactMap(\.messageID)
        }
    }

    private func load() throws -> File {
        try AtomicFile.readJSON(File.self, from: url) ?? File()
    }

    private func save(_ file: File) throws {
        try POSIX.makeDirectory(directory.path)
        try POSIX.restrictDirectory(directory.path)
        try AtomicFile.writeJSON(file, to: url)
    }
}
