import Curl
import Foundation
import Logging

/// Sends messages over SMTP with libcurl: smtps://, or smtp:// with STARTTLS required; AUTH
/// with the configured user. One easy handle, so one connection is reused for every message
/// (no re-AUTH). Blocking and not `Sendable`: confine it to one thread or actor.
public final class SMTPClient {
    let handle: EasyHandle
    public let server: String
    let logger: Logger
    private var transcript = SMTPTranscript()
    private var outgoing = Data()
    private var outgoingOffset = 0

    /// Prepares the handle; the connection is made by the first `send`.
    /// The URL's path is the EHLO name: `smtp://mail.kazguu.kz:587/kazguu.kz`.
    public init(settings: ConnectionSettings, logger: Logger = Logger(label: "cpdbot.mail.smtp")) throws(MailError) {
        self.logger = logger
        do {
            handle = try EasyHandle()
            try handle.apply(settings)
            server = handle.context.server
            try handle.set(.upload, true)
            // One refused recipient must not abort delivery to the others.
            try handle.set(.mailRecipientAllowFails, true)
        } catch {
            throw .transport(error)
        }
        handle.onRead = { [unowned self] buffer in
            let count = min(buffer.count, outgoing.count - outgoingOffset)
            guard count > 0 else { return 0 }
            let start = outgoing.startIndex + outgoingOffset
            outgoing.copyBytes(to: buffer.bindMemory(to: UInt8.self), from: start..<(start + count))
            outgoingOffset += count
            return count
        }
        handle.onDebug = { [unowned self] event, bytes in
            switch event {
            case .headerOut: transcript.sent(bytes)
            case .headerIn: transcript.received(bytes)
            default: break
            }
        }
    }

    /// Sends `message` (RFC 5322 bytes with CRLF line ends) from the envelope sender `from` to
    /// each of `to`. An empty `from` sends the null reverse-path `<>` (RFC 5321 §4.5.5; for
    /// automatic replies that must never be answered or bounced). Returns what the server said to every recipient; throws when the message
    /// as a whole was refused or the connection, TLS or login failed.
    public func send(_ message: Data, from: String, to recipients: [String]) throws(MailError) -> SendReport {
        guard !recipients.isEmpty else { throw .invalidArgument("a message needs at least one recipient") }
        for address in (from.isEmpty ? [] : [from]) + recipients where !Self.isPlausibleAddress(address) {
            throw .invalidArgument("\"\(address.prefix(100))\" is not a usable e-mail address")
        }
        outgoing = message
        outgoingOffset = 0
        transcript = SMTPTranscript()
        defer { outgoing = Data() }
        let step = "send a message from \(from) to \(recipients.count) recipient(s)"
        do {
            try handle.set(.mailFrom, "<\(from)>")
            try handle.set(.mailRecipients, list: recipients.map { "<\($0)>" })
            try handle.set(.inFileSize, offset: Int64(message.count))
            try handle.perform(step: step)
        } catch let error as CurlError {
            // All recipients refused: libcurl fails the transfer (55), the report says why.
            let report = self.report(for: recipients)
            if transcript.reply(to: .mailFrom)?.code == 250, !report.perRecipient.isEmpty,
                report.accepted.isEmpty, report.perRecipient.count == recipients.count
            {
                return report
            }
            if let refusal = refusal() { throw refusal }
            throw .transport(error)
        } catch {
            throw .transport(CurlError(kind: .other, step: step, server: server, detail: "\(error)"))
        }
        if let refusal = refusal() { throw refusal }
        let report = report(for: recipients)
        logger.debug("SMTP message sent", metadata: [
            "server": "\(server)", "accepted": "\(report.accepted.count)", "refused": "\(report.refused.joined(separator: ","))",
        ])
        return report
    }

    private func report(for recipients: [String]) -> SendReport {
        var results: [String: RecipientResult] = [:]
        for reply in transcript.replies {
            guard case .recipient(let address) = reply.command else { continue }
            // Match case-insensitively: servers and libcurl may not echo the caller's spelling.
            if let original = recipients.first(where: { $0.caseInsensitiveCompare(address) == .orderedSame }) {
                results[original] = RecipientResult(code: reply.code, reply: "\(reply.code) \(reply.text)")
            }
        }
        return SendReport(perRecipient: results)
    }

    /// MAIL FROM or the end of DATA refused: the message went nowhere.
    private func refusal() -> MailError? {
        for command in [SMTPTranscript.Command.mailFrom, .data] {
            if let reply = transcript.reply(to: command), reply.code >= 400, reply.code != 354 {
                return .messageRefused(server: server, reply: "\(reply.code) \(reply.text)")
            }
        }
        return nil
    }

    /// An address libcurl can put between angle brackets: no CR/LF, brackets or spaces.
    static func isPlausibleAddress(_ address: String) -> Bool {
        !address.isEmpty && address.count <= 320 && address.contains("@")
            && !address.unicodeScalars.contains { $0.value <= 0x20 || $0 == "<" || $0 == ">" || $0.value == 0x7F }
    }
}
