import Curl
import Foundation

/// Bytes in and out of the CONNECT_ONLY socket: curl_easy_send/recv, poll() when the socket
/// is not ready, framing and parsing of what arrives. Any failure leaves the session broken.
extension IMAPConnection {
    func write(_ text: String, step: String) throws(MailError) {
        try write(Data(text.utf8), step: step)
    }

    func write(_ data: Data, step: String) throws(MailError) {
        var outcome: Result<Void, MailError> = .success(())
        data.withUnsafeBytes { bytes in outcome = Result { () throws(MailError) in try write(bytes, step: step) } }
        try outcome.get()
    }

    private func write(_ bytes: UnsafeRawBufferPointer, step: String) throws(MailError) {
        if let broken { throw broken }
        do { try stream.writeAll(bytes, step: step) } catch {
            broken = error
            throw error
        }
    }

    /// The next response. With `timeout` (IDLE) a quiet server yields `.timedOut`; without it,
    /// silence longer than the response timeout is an error.
    func read(timeout: Duration? = nil, interruptFD: Int32? = nil, step: String) throws(MailError) -> ReadOutcome {
        if let broken { throw broken }
        do { return try readNext(timeout: timeout, interruptFD: interruptFD, step: step) } catch {
            broken = error
            throw error
        }
    }

    private func readNext(timeout: Duration?, interruptFD: Int32?, step: String) throws(MailError) -> ReadOutcome {
        while true {
            if let raw = framer.next() {
                let response: IMAPResponse
                do { response = try ResponseParser.parse(raw) } catch {
                    throw .protocolViolation(server: server, detail: error.reason, excerpt: raw.excerpt)
                }
                track(response)
                return .response(response)
            }
            if let received = try stream.receive(step: step) {
                do {
                    try framer.append(UnsafeRawBufferPointer(rebasing: stream.readBuffer[..<received]))
                } catch {
                    switch error {
                    case .lineTooLong(let actual, let maximum):
                        throw .lineTooLong(server: server, actual: actual, maximum: maximum)
                    case .badLiteralSize(let excerpt):
                        throw .protocolViolation(server: server, detail: "bad literal size", excerpt: excerpt)
                    }
                }
                continue
            }
            switch try stream.waitForData(timeout: timeout, interruptFD: interruptFD, step: step) {
            case .ready: continue
            case .interrupted: return .interrupted
            case .timedOut:
                if timeout != nil { return .timedOut }
                throw stream.timeoutError(step, detail: "no data for \(stream.responseTimeout)")
            }
        }
    }

    private func track(_ response: IMAPResponse) {
        switch response {
        case .untagged(.exists(let count)): exists = count
        case .untagged(.expunge): exists = exists > 0 ? exists - 1 : 0
        case .untagged(.capability(let set)): capabilities = set
        case .untagged(.status(let status)):
            if status.status == .bye { byeReceived = true }
            noteCapabilities(in: status)
        case .tagged(_, let status): noteCapabilities(in: status)
        default: break
        }
    }

    /// Servers may announce capabilities in a response code instead of a CAPABILITY response.
    private func noteCapabilities(in status: StatusResponse) {
        guard let code = status.code, code.name == "CAPABILITY" else { return }
        capabilities = Set(code.values.compactMap { $0.atom?.uppercased() })
    }
}
