import Curl
import Foundation

/// One SMTP session on a libcurl `CONNECT_ONLY` connection.
///
/// libcurl connects, reads the greeting, sends EHLO, does STARTTLS (enforced by
/// CURLUSESSL_ALL, the certificate verified) and AUTH – verified on 7.88.1 against Postfix –
/// then hands over the socket. This class then sends its own EHLO to learn the extensions
/// (libcurl keeps them private; RFC 5321 §4.1.4 lets a client repeat EHLO, and the login
/// stays) and speaks SMTP itself with curl_easy_send/recv. See docs/imap-design.md.
final class SMTPConnection {
    let stream: ConnectOnlyStream
    var server: String { stream.server }
    var parser: SMTPReplyParser
    private(set) var capabilities = SMTPCapabilities()
    /// Replies still to come for commands whose answer does not matter (RSET, QUIT); `reply`
    /// skips them, so the next reply read is always the one to the oldest command that counts.
    var ignoredReplies = 0
    /// Set once a read or write failed: the conversation's state is unknown, so every later
    /// call fails at once and the client reconnects.
    var broken: MailError?

    init(settings: ConnectionSettings, limits: SMTPLimits) throws(MailError) {
        stream = try ConnectOnlyStream(settings: settings, readBufferBytes: 64 * 1024)
        parser = SMTPReplyParser(limits: limits)
        let step = "greet the server (EHLO)"
        try write(Array(SMTPCommand.ehlo(SMTPCommand.ehloName(fromURL: settings.url)).utf8), step: step)
        let reply = try reply(step: step)
        guard reply.isPositive else {
            throw .commandFailed(server: server, command: "EHLO", reply: reply.summary)
        }
        capabilities = SMTPCapabilities(ehlo: reply)
    }

    /// True when the session is encrypted (smtps, or smtp after STARTTLS).
    var isEncrypted: Bool { stream.isTLSActive }

    /// Says goodbye without waiting: the server closes its side, the handle closes ours.
    func quit() {
        guard broken == nil else { return }
        try? write(Array(SMTPCommand.quit.utf8), step: "end the session")
    }
}
