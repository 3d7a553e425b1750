import Curl
import Foundation

/// Bytes in and out of the CONNECT_ONLY socket: curl_easy_send/recv, poll() when the socket
/// is not ready, replies parsed as they arrive. Any failure leaves the session broken.
extension SMTPConnection {
    /// Writes all of `bytes` (one pipelined group can be one write: one TLS record run, one
    /// segment burst, no round trip between commands).
    func write(_ bytes: [UInt8], step: String) throws(MailError) {
        if let broken { throw broken }
        var outcome: Result<Void, MailError> = .success(())
        bytes.withUnsafeBytes { raw in outcome = Result { () throws(MailError) in try stream.writeAll(raw, step: step) } }
        if case .failure(let error) = outcome {
            broken = error
            throw error
        }
    }

    /// The next reply that counts (replies owed to RSET/QUIT are skipped first).
    func reply(step: String) throws(MailError) -> SMTPReply {
        if let broken { throw broken }
        do {
            while true {
                let reply = try nextReply(step: step)
                guard ignoredReplies > 0 else { return reply }
                ignoredReplies -= 1
            }
        } catch {
            broken = error
            throw error
        }
    }

    private func nextReply(step: String) throws(MailError) -> SMTPReply {
        while true {
            do {
                if let reply = try parser.next() { return reply }
            } catch {
                switch error {
                case .lineTooLong(let actual, let maximum):
                    throw .replyTooLarge(server: server, what: "line bytes", actual: actual, maximum: maximum)
                case .tooManyLines(let actual, let maximum):
                    throw .replyTooLarge(server: server, what: "lines", actual: actual, maximum: maximum)
                case .malformed(let reason, let excerpt):
                    throw .protocolViolation(server: server, detail: reason, excerpt: excerpt)
                }
            }
            if let received = try stream.receive(step: step) {
                parser.append(UnsafeRawBufferPointer(rebasing: stream.readBuffer[..<received]))
                continue
            }
            if try stream.waitForData(step: step) == .timedOut {
                throw stream.timeoutError(step, detail: "no reply for \(stream.responseTimeout)")
            }
        }
    }
}
