public import Curl
public import Foundation
public import Logging

/// Sends messages over SMTP: smtps://, or smtp:// with STARTTLS required; AUTH with the
/// configured user (none when the user is empty). One connection serves every message and is
/// made by the first `send` (again after it broke).
///
/// libcurl connects, does TLS and AUTH (`CONNECT_ONLY`); the client then speaks SMTP itself so
/// that, when the server offers PIPELINING (RFC 2920), a message costs one round trip instead
/// of four: its end of data goes out together with the next message's MAIL, RCPT and DATA.
/// Blocking and not `Sendable`: confine it to one thread or actor.
public final class SMTPClient {
    let settings: ConnectionSettings
    /// The server as errors and logs name it (`smtp://host:port`).
    public let server: String
    /// The bounds on the server's replies.
    public let limits: SMTPLimits
    let logger: Logger
    var connection: SMTPConnection?
    /// False: one command per round trip even when the server offers PIPELINING (a server
    /// whose pipelining is broken; measurements).
    public var allowsPipelining = true

    /// Checks the URL and the TLS rule; the connection is made by the first `send`.
    /// The URL's path is the EHLO name: `smtp://mail.kazguu.kz:587/kazguu.kz`.
    public init(
        settings: ConnectionSettings, limits: SMTPLimits = SMTPLimits(),
        logger: Logger = Logger(label: "cpdbot.mail.smtp")
    ) throws(MailError) {
        do throws(CurlError) {
            let endpoint = try Endpoint(url: settings.url)
            guard endpoint.scheme == .smtp || endpoint.scheme == .smtps else {
                throw CurlError(kind: .protocolNotAllowed, step: "read the server URL", server: settings.url,
                                detail: "an SMTP client needs an smtp:// or smtps:// URL")
            }
            _ = try settings.tlsRequirement()
            server = endpoint.description
        } catch {
            throw .transport(error)
        }
        self.settings = settings
        self.limits = limits
        self.logger = logger
    }

    deinit { connection?.quit() }

    /// False once the connection broke; the next `send` opens a new one.
    public var isConnected: Bool { connection.map { $0.broken == nil } ?? false }

    /// True when the open session is encrypted (smtps, or smtp after STARTTLS).
    public var isEncrypted: Bool { connection?.isEncrypted ?? false }

    /// Sends `message` (RFC 5322 bytes with CRLF line ends) from the envelope sender `from` to
    /// each of `to`. An empty `from` sends the null reverse-path `<>` (RFC 5321 §4.5.5; for
    /// automatic replies that must never be answered or bounced). Returns what the server said
    /// to every recipient (all may be refused); throws when the message as a whole was refused
    /// (`messageRefused`) or the connection, TLS or login failed.
    public func send(_ message: Data, from: String, to recipients: [String]) throws(MailError) -> SendReport {
        let message = SMTPMessage(data: message, from: from, recipients: recipients)
        if let problem = Self.problem(with: message) { throw problem }
        var outcome: Result<SendReport, MailError>?
        do {
            try send([message]) { _, result in outcome = result }
        } catch let error as MailError {
            throw error
        } catch {
            // Unreachable: the closures above do not throw.
            throw .invalidArgument("unexpected error while sending: \(error)")
        }
        guard let outcome else { throw .invalidArgument("the message was not sent (no outcome reported)") }
        return try outcome.get()
    }

    /// Opens the session (TLS verified, AUTH) without sending anything, for `cpdbot check`;
    /// returns the server's EHLO keywords ("PIPELINING", "SIZE", …), upper-cased.
    @discardableResult
    public func verifyConnection() throws(MailError) -> Set<String> {
        try connected().capabilities.keywords
    }

    /// The connection, opened (libcurl: TLS, AUTH; then EHLO) when there is none or it broke.
    func connected() throws(MailError) -> SMTPConnection {
        if let connection, connection.broken == nil { return connection }
        connection = nil
        let fresh = try SMTPConnection(settings: settings, limits: limits)
        connection = fresh
        logger.debug("SMTP session opened", metadata: [
            "server": "\(server)", "user": "\(settings.user)", "tls": "\(fresh.isEncrypted)",
            "pipelining": "\(fresh.capabilities.pipelining && allowsPipelining)",
        ])
        return fresh
    }

    /// Why `message` cannot be sent at all, checked before any byte goes out.
    static func problem(with message: SMTPMessage) -> MailError? {
        guard !message.recipients.isEmpty else { return .invalidArgument("a message needs at least one recipient") }
        for address in (message.from.isEmpty ? [] : [message.from]) + message.recipients
        where !SMTPCommand.isPlausibleAddress(address) {
            return .invalidArgument("\"\(address.prefix(100))\" is not a usable e-mail address")
        }
        return nil
    }
}
