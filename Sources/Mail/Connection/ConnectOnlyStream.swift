import Curl

/// The byte stream under an IMAP or SMTP session: a libcurl `CONNECT_ONLY` connection on which
/// libcurl has connected, secured (TLS or STARTTLS, enforced by CURLUSESSL_ALL, the certificate
/// verified) and logged in, then handed over. Bytes go out and in with curl_easy_send/recv,
/// and poll() waits on the socket when it is not ready instead of spinning on CURLE_AGAIN.
/// The sessions speak their protocols over it; what a failure means is theirs to decide.
final class ConnectOnlyStream {
    let handle: EasyHandle
    let server: String
    let responseTimeout: Duration
    /// Where `receive` puts what arrived.
    let readBuffer: UnsafeMutableRawBufferPointer

    /// Connects and logs in; an error names the server and the step.
    init(settings: ConnectionSettings, readBufferBytes: Int) throws(MailError) {
        let server = (try? Endpoint(url: settings.url).description) ?? settings.url
        // Log in before any property is set: a throwing init then needs no cleanup.
        let handle = try Self.logIn(settings, server: server)
        self.handle = handle
        self.server = server
        responseTimeout = settings.responseTimeout
        readBuffer = .allocate(byteCount: readBufferBytes, alignment: 16)
    }

    deinit { readBuffer.deallocate() }

    /// A password login, or a bearer login with the cached token; when the server refuses that
    /// token (IMAP `AUTHENTICATIONFAILED`, SMTP `535`) the token is dropped and the login is
    /// tried once more with a fresh one. A second refusal is the caller's to report (and that
    /// token is dropped too).
    private static func logIn(_ settings: ConnectionSettings, server: String) throws(MailError) -> EasyHandle {
        guard case .bearer(_, let tokens) = settings.login else {
            return try connect(settings, accessToken: nil, server: server)
        }
        let token = try accessToken(from: tokens)
        do {
            return try connect(settings, accessToken: token, server: server)
        } catch .transport(let error) where error.kind == .loginDenied {
            tokens.discard(token)
        }
        let fresh = try accessToken(from: tokens)
        do {
            return try connect(settings, accessToken: fresh, server: server)
        } catch .transport(let error) where error.kind == .loginDenied {
            // Refused too: it must not stay cached for the next login.
            tokens.discard(fresh)
            throw .transport(error)
        }
    }

    private static func accessToken(from tokens: any AccessTokenSource) throws(MailError) -> String {
        do { return try tokens.accessToken() } catch { throw .tokenUnavailable(error) }
    }

    private static func connect(_ settings: ConnectionSettings, accessToken: String?, server: String) throws(MailError) -> EasyHandle {
        do {
            let handle = try EasyHandle()
            try handle.apply(settings, accessToken: accessToken)
            try handle.set(.connectOnly, true)
            try handle.perform(step: "log in")
            return handle
        } catch let error as CurlError {
            throw .transport(error)
        } catch {
            throw .transport(CurlError(kind: .other, step: "log in", server: server, detail: "\(error)"))
        }
    }

    var isTLSActive: Bool { handle.isTLSActive }

    /// Writes all of `bytes`, waiting for the socket when its send buffer is full.
    func writeAll(_ bytes: UnsafeRawBufferPointer, step: String) throws(MailError) {
        var offset = 0
        while offset < bytes.count {
            let sent = try transport { () throws(CurlError) in
                try handle.send(UnsafeRawBufferPointer(rebasing: bytes[offset...]), step: step)
            }
            if sent == 0 {
                let ready = try transport { () throws(CurlError) in
                    try handle.wait(forWriting: true, timeout: responseTimeout, step: step)
                }
                if ready == .timedOut { throw timeoutError(step, detail: "could not send for \(responseTimeout)") }
            }
            offset += sent
        }
    }

    /// What arrived, in `readBuffer`: its byte count, or nil when nothing is there yet.
    func receive(step: String) throws(MailError) -> Int? {
        try transport { () throws(CurlError) in try handle.receive(into: readBuffer, step: step) }
    }

    /// Waits until there is something to read (or `interruptFD` is readable, or `timeout` passes).
    func waitForData(timeout: Duration? = nil, interruptFD: Int32? = nil, step: String) throws(MailError) -> EasyHandle.Readiness {
        try transport { () throws(CurlError) in
            try handle.wait(timeout: timeout ?? responseTimeout, interruptFD: interruptFD, step: step)
        }
    }

    func timeoutError(_ step: String, detail: String) -> MailError {
        .transport(CurlError(kind: .timedOut, step: step, server: server, detail: detail))
    }

    private func transport<T>(_ body: () throws(CurlError) -> T) throws(MailError) -> T {
        do { return try body() } catch { throw .transport(error) }
    }
}
