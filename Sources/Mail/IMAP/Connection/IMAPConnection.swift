import Curl
import Foundation

/// One IMAP session on a libcurl `CONNECT_ONLY` connection.
///
/// libcurl connects, does TLS (implicit or STARTTLS, enforced by CURLUSESSL_ALL) and logs in
/// (CAPABILITY, AUTHENTICATE) – verified on 7.88 – then hands over the socket; from there this
/// class speaks IMAP itself with curl_easy_send/recv, waiting with poll() on
/// CURLINFO_ACTIVESOCKET instead of spinning on CURLE_AGAIN. See docs/imap-design.md.
final class IMAPConnection {
    let handle: EasyHandle
    let server: String
    let responseTimeout: Duration
    private var framer: ResponseFramer
    private let readBuffer: UnsafeMutableRawBufferPointer
    private var nextTag = 1
    private(set) var capabilities: Set<String> = []
    /// Messages in the selected mailbox, as last announced by EXISTS/EXPUNGE.
    private(set) var exists: UInt32 = 0
    private(set) var byeReceived = false
    /// Set once a read or write failed: the conversation's state is unknown, so every later
    /// call fails at once and the caller reconnects.
    private(set) var broken: MailError?

    enum ReadOutcome { case response(IMAPResponse), timedOut, interrupted }

    init(settings: ConnectionSettings, limits: IMAPLimits) throws(MailError) {
        let server = (try? Endpoint(url: settings.url).description) ?? settings.url
        // Log in before any property is set: a throwing init then needs no cleanup.
        let handle: EasyHandle
        do {
            handle = try EasyHandle()
            try handle.apply(settings)
            try handle.set(.connectOnly, true)
            try handle.perform(step: "log in")
        } catch let error as CurlError {
            throw .transport(error)
        } catch {
            throw .transport(CurlError(kind: .other, step: "log in", server: server, detail: "\(error)"))
        }
        self.handle = handle
        self.server = server
        responseTimeout = settings.responseTimeout
        framer = ResponseFramer(limits: .init(maxLineBytes: limits.maxLineBytes, maxLiteralBytes: limits.maxMessageBytes))
        readBuffer = .allocate(byteCount: 256 * 1024, alignment: 16)
    }

    deinit { readBuffer.deallocate() }

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

    // MARK: Bytes

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
        do { try writeAll(bytes, step: step) } catch {
            broken = error
            throw error
        }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer, step: String) throws(MailError) {
        var offset = 0
        while offset < bytes.count {
            let sent = try transport { () throws(CurlError) in
                try handle.send(UnsafeRawBufferPointer(rebasing: bytes[offset...]), step: step)
            }
            if sent == 0 {
                let ready = try transport { () throws(CurlError) in
                    try handle.wait(forWriting: true, timeout: responseTimeout, step: step)
                }
                if ready == .timedOut { throw timeoutError(step) }
            }
            offset += sent
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
            let received = try transport { () throws(CurlError) in try handle.receive(into: readBuffer, step: step) }
            if let received {
                do {
                    try framer.append(UnsafeRawBufferPointer(rebasing: readBuffer[..<received]))
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
            let readiness = try transport { () throws(CurlError) in
                try handle.wait(timeout: timeout ?? responseTimeout, interruptFD: interruptFD, step: step)
            }
            switch readiness {
            case .ready: continue
            case .interrupted: return .interrupted
            case .timedOut:
                if timeout != nil { return .timedOut }
                throw timeoutError(step)
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

    private func timeoutError(_ step: String) -> MailError {
        .transport(CurlError(kind: .timedOut, step: step, server: server,
                             detail: "no data for \(responseTimeout)"))
    }

    private func transport<T>(_ body: () throws(CurlError) -> T) throws(MailError) -> T {
        do { return try body() } catch { throw .transport(error) }
    }
}
