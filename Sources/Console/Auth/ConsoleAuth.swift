import Config
import Foundation
public import Staff
import Store

/// Sends a sign-in link (the bot's outbox in production, a recorder in tests).
public protocol SignInMailing: Sendable {
    /// Queues the mail and returns its Message-ID.
    func send(to person: RosterPerson, link: String, validMinutes: Int, key: String) throws -> String
    /// Something else was queued (a Plan's announcements): the sender should look at the outbox.
    func outboxChanged()
}

extension SignInMailing {
    /// Does nothing: a mailer without a loop to wake (tests) needs no nudge.
    public func outboxChanged() {}
}

/// Sign-in by e-mailed link: the decisions (who gets a link, which link signs whom in) with the
/// store's link book, the rate limits and the journal; no HTTP here.
final class ConsoleAuth: @unchecked Sendable {
    enum LinkOutcome: Equatable {
        /// A link went out (the page says the same whether or not the address is known).
        case mailed
        case unknownAddress
        case limitedAddress, limitedClient
    }

    let settings: CPDBotConfiguration.Console
    let store: FileStore
    let links: ConsoleLinkBook
    let mailer: any SignInMailing
    let dshr: [String]
    let defaultLanguage: RosterPerson.Language
    let sessions: SessionBook
    private var perClient: RateLimiter
    private var perAddress: RateLimiter
    private let lock = NSLock()

    init(settings: CPDBotConfiguration.Console, store: FileStore, mailer: any SignInMailing, dshr: [String],
         defaultLanguage: RosterPerson.Language) {
        self.settings = settings
        self.store = store
        links = ConsoleLinkBook(store: store)
        self.mailer = mailer
        self.dshr = dshr
        self.defaultLanguage = defaultLanguage
        sessions = SessionBook(idle: TimeInterval(settings.sessionIdleMinutes * 60),
                               absolute: TimeInterval(settings.sessionAbsoluteHours * 3600))
        perClient = RateLimiter(limit: settings.signInPerClientPerHour, window: 3600)
        perAddress = RateLimiter(limit: settings.signInPerAddressPerHour, window: 3600)
    }

    /// Someone typed `address` in the browser whose nonce cookie is `browserNonce`.
    func requestLink(address: String, client: String, browserNonce: String, now: Date) throws -> LinkOutcome {
        let address = address.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let clientAllowed = lock.withLock { perClient.allow(client, now: now) }
        guard clientAllowed else {
            journal("sign-in refused: too many requests from this client", email: nil, client: client, now: now)
            return .limitedClient
        }
        // Checked before the roster is read, so an unknown address costs as much as a known one.
        let addressAllowed = lock.withLock { perAddress.allow(address, now: now) }
        guard addressAllowed, try links.count(email: address, since: now.addingTimeInterval(-3600))
            < settings.signInPerAddressPerHour else {
            journal("sign-in refused: too many links for this address", email: address, client: client, now: now)
            return .limitedAddress
        }
        let roster = try store.roster.load()
        guard address.utf8.count <= 320,
              let viewer = ConsoleViewer.resolve(email: address, roster: roster, dshr: dshr,
                                                 defaultLanguage: defaultLanguage) else {
            journal("sign-in refused: address not in the roster", email: nil, client: client, now: now)
            return .unknownAddress
        }
        let token = ConsoleSecrets.token()
        let key = ConsoleSecrets.token()
        let link = settings.publicURL + "/sign-in/" + token
        let messageID = try mailer.send(to: viewer.mailPerson(roster: roster), link: link,
                                        validMinutes: settings.linkValidMinutes, key: key)
        try links.add(.init(tokenHash: ConsoleSecrets.sha256(token), browserHash: ConsoleSecrets.sha256(browserNonce),
                            email: viewer.email, createdAt: now,
                            expiresAt: now.addingTimeInterval(TimeInterval(settings.linkValidMinutes * 60)),
                            messageID: messageID), now: now)
        journal("sign-in link mailed", email: viewer.email, client: client, now: now)
        return .mailed
    }

    enum RedeemOutcome: Equatable {
        case signedIn(SessionBook.Session)
        case refused(ConsoleLinkBook.Redemption)
    }

    /// The link's token came back from the browser whose nonce cookie is `browserNonce`.
    func redeem(token: String, browserNonce: String?, client: String, now: Date) throws -> RedeemOutcome {
        guard ConsoleSecrets.looksLikeToken(token) else { return .refused(.unknown) }
        let result = try links.redeem(tokenHash: ConsoleSecrets.sha256(token),
                                      browserHash: ConsoleSecrets.sha256(browserNonce ?? ""), now: now)
        guard case .signedIn(let link) = result else {
            journal("sign-in refused: link \(result)", email: nil, client: client, now: now)
            return .refused(result)
        }
        // The roster may have changed since the link was mailed: it decides now.
        guard let viewer = ConsoleViewer.resolve(email: link.email, roster: try store.roster.load(), dshr: dshr,
                                                 defaultLanguage: defaultLanguage) else {
            journal("sign-in refused: address no longer in the roster", email: link.email, client: client, now: now)
            return .refused(.unknown)
        }
        // The mail carried the link; once spent, its copy in the outbox goes.
        if let messageID = link.messageID, case .sent = try store.outbox.entry(messageID: messageID)?.state {
            try store.outbox.remove(messageID: messageID)
        }
        journal("signed in as \(viewer.role.rawValue)", email: viewer.email, client: client, now: now)
        return .signedIn(sessions.open(viewer: viewer, now: now))
    }

    /// Journals what a signed-in person did (every action is journaled).
    func journal(_ what: String, email: String?, client: String, now: Date) {
        try? store.journal.append(JournalEvent(at: now, event: "console", from: email, detail: "\(what) (client \(client))"))
    }
}
