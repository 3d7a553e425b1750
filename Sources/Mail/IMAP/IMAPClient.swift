public import Curl
import Foundation
public import Logging

/// An IMAP client on one connection that stays open across calls: login once, then select,
/// search, fetch, flag, move, append and IDLE.
///
/// Blocking and not `Sendable`: confine it to one thread or actor, off the cooperative pool.
/// Errors are `MailError`, except that `fetch` rethrows what its sink throws (after the
/// server's response has been read to the end, so the session stays usable).
public final class IMAPClient {
    let connection: IMAPConnection
    /// The bounds on what the server may send (line and literal sizes, batch sizes).
    public let limits: IMAPLimits
    /// Commands at trace level (never literal contents or credentials), session events at debug.
    let logger: Logger
    /// The mailbox SELECTed or EXAMINEd last.
    public internal(set) var selectedMailbox: String?
    /// For tests: capabilities to pretend the server lacks (e.g. "MOVE" to use the fallback).
    var ignoredCapabilities: Set<String> = []

    /// Connects and logs in (libcurl does TLS/STARTTLS and the login), then asks for the
    /// capabilities of the authenticated session.
    public init(
        settings: ConnectionSettings, limits: IMAPLimits = IMAPLimits(),
        logger: Logger = Logger(label: "cpdbot.mail.imap")
    ) throws(MailError) {
        self.limits = limits
        self.logger = logger
        connection = try IMAPConnection(settings: settings, limits: limits)
        try run(IMAPCommand("CAPABILITY"))
        logger.debug("IMAP session opened", metadata: [
            "server": "\(connection.server)", "user": "\(settings.user)", "tls": "\(isEncrypted)",
        ])
    }

    /// Server "127.0.0.1:10993", as errors name it.
    public var server: String { connection.server }

    /// Capabilities of the logged-in session ("IDLE", "MOVE", "UIDPLUS", …), upper-cased.
    public var capabilities: Set<String> { connection.capabilities.subtracting(ignoredCapabilities) }

    /// True when the session is encrypted (imaps, or imap after STARTTLS).
    public var isEncrypted: Bool { connection.stream.isTLSActive }

    /// False once the connection failed (dropped, timed out, unreadable response): every call
    /// then throws that error again; make a new client (with backoff) to continue.
    public var isUsable: Bool { connection.broken == nil && !connection.byeReceived }

    /// Keeps the session alive and collects pending updates (EXISTS, EXPUNGE).
    public func noop() throws(MailError) { try run(IMAPCommand("NOOP")) }

    /// Ends the session politely. Errors are ignored: the connection is closed either way when
    /// the client is released.
    public func logout() {
        _ = try? connection.execute(IMAPCommand("LOGOUT"))
        selectedMailbox = nil
    }

    /// `execute` for commands whose untagged responses cannot throw.
    @discardableResult
    func run(_ command: IMAPCommand, untagged: (Untagged) -> Void = { _ in }) throws(MailError) -> StatusResponse {
        logger.trace("IMAP command", metadata: ["command": "\(command.display)"])
        do {
            return try connection.execute(command, untagged: untagged)
        } catch let error as MailError {
            throw error
        } catch {
            throw .invalidArgument("unexpected error: \(error)")  // unreachable: handler cannot throw
        }
    }

    func requireSelected(_ step: String) throws(MailError) -> String {
        guard let selectedMailbox else { throw .invalidArgument("\(step) needs a selected mailbox: call select(_:) first") }
        return selectedMailbox
    }
}
