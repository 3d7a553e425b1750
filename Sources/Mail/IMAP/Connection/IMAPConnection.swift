import Curl
import Foundation

/// One IMAP session on a libcurl `CONNECT_ONLY` connection.
///
/// libcurl connects, does TLS (implicit or STARTTLS, enforced by CURLUSESSL_ALL) and logs in
/// (CAPABILITY, AUTHENTICATE) – verified on 7.88 – then hands over the socket; from there this
/// class speaks IMAP itself with curl_easy_send/recv, waiting with poll() on
/// CURLINFO_ACTIVESOCKET instead of spinning on CURLE_AGAIN. See docs/imap-design.md.
final class IMAPConnection {
    let stream: ConnectOnlyStream
    var server: String { stream.server }
    var framer: ResponseFramer
    private var nextTag = 1
    var capabilities: Set<String> = []
    /// Messages in the selected mailbox, as last announced by EXISTS/EXPUNGE.
    var exists: UInt32 = 0
    var byeReceived = false
    /// Set once a read or write failed: the conversation's state is unknown, so every later
    /// call fails at once and the caller reconnects.
    var broken: MailError?

    enum ReadOutcome { case response(IMAPResponse), timedOut, interrupted }

    init(settings: ConnectionSettings, limits: IMAPLimits) throws(MailError) {
        stream = try ConnectOnlyStream(settings: settings, readBufferBytes: 256 * 1024)
        framer = ResponseFramer(limits: .init(maxLineBytes: limits.maxLineBytes, maxLiteralBytes: limits.maxMessageBytes))
    }

    // MARK: Commands

    /// Sends `command` and reads until its tagged completion. Untagged responses go to
    /// `untagged`; if that throws, the rest of the responses are still read (the session stays
    /// usable) and the first error is rethrown. NO/BAD throws `MailError.commandFailed`.
    @discardableResult
    func execute(_ command: IMAPCommand, untagged: (Untagged) throws -> Void = { _ in }) throws -> StatusResponse {
        let tag = makeTag()
        var handlerError: (any Error)?
        func deliver(_ response: Untagged) {
            guard handlerError == nil else { return }
            do { try untagged(response) } catch { handlerError = error }
        }
        var pending = tag + " "
        for part in command.parts {
            switch part {
            case .text(let text): pending += text
            case .literal(let data):
                let nonSynchronizing = capabilities.contains("LITERAL+")
                    || (capabilities.contains("LITERAL-") && data.count <= 4096)
                pending += "{\(data.count)\(nonSynchronizing ? "+" : "")}\r\n"
                try write(pending, step: command.display)
                pending = ""
                if !nonSynchronizing,
                    let early = try awaitContinuation(tag: tag, command: command, deliver: deliver)
                {
                    return try finish(early, command: command, handlerError: handlerError)
                }
                try write(data, step: command.display)
            }
        }
        try write(pending + "\r\n", step: command.display)
        while true {
            guard case .response(let response) = try read(step: command.display) else { continue }
            switch response {
            case .untagged(let item): deliver(item)
            case .tagged(let responseTag, let status) where responseTag == tag:
                return try finish(status, command: command, handlerError: handlerError)
            case .tagged, .continuation: continue  // not ours: ignore
            }
        }
    }

    /// "C1", "C2", …: unique per session (libcurl's own login used "A001"…).
    func makeTag() -> String {
        defer { nextTag += 1 }
        return "C\(nextTag)"
    }

    private func finish(_ status: StatusResponse, command: IMAPCommand, handlerError: (any Error)?) throws -> StatusResponse {
        if let handlerError { throw handlerError }
        guard status.status == .ok else {
            throw MailError.commandFailed(server: server, command: command.display, reply: status.summary)
        }
        return status
    }

    /// Waits for "+" before a synchronizing literal; returns the tagged status if the server
    /// refused the command instead.
    private func awaitContinuation(tag: String, command: IMAPCommand, deliver: (Untagged) -> Void) throws -> StatusResponse? {
        while true {
            guard case .response(let response) = try read(step: command.display) else { continue }
            switch response {
            case .continuation: return nil
            case .untagged(let item): deliver(item)
            case .tagged(let responseTag, let status) where responseTag == tag: return status
            case .tagged: continue
            }
        }
    }
}
