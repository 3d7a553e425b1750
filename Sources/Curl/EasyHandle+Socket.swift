internal import CCurl
internal import CurlShim
import Foundation

/// Raw byte exchange on a CURLOPT_CONNECT_ONLY connection: libcurl made the connection, did
/// TLS (and for IMAP also STARTTLS and the login); the caller speaks the protocol itself.
extension EasyHandle {
    /// What waiting on the socket ended with: it is ready, the time is up, or a waker interrupted it.
    public enum Readiness: Sendable, Equatable { case ready, timedOut, interrupted }

    /// Bytes received (> 0), nil when nothing is available yet; throws when the peer closed.
    public func receive(into buffer: UnsafeMutableRawBufferPointer, step: String) throws(CurlError) -> Int? {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return nil }
        var received = 0
        let code = curl_easy_recv(raw, base, buffer.count, &received)
        if code == CURLE_AGAIN { return nil }
        guard code == CURLE_OK else { throw error(for: code, step: step) }
        guard received > 0 else {
            throw CurlError(kind: .connectionLost, step: step, server: context.server,
                            user: context.user, detail: "the server closed the connection")
        }
        return received
    }

    /// Bytes sent (possibly fewer than given, 0 when the socket is full).
    public func send(_ bytes: UnsafeRawBufferPointer, step: String) throws(CurlError) -> Int {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return 0 }
        var sent = 0
        let code = curl_easy_send(raw, base, bytes.count, &sent)
        if code == CURLE_AGAIN { return 0 }
        guard code == CURLE_OK else { throw error(for: code, step: step) }
        return sent
    }

    /// Waits with poll() until the connection is readable (or writable), the timeout passes, or
    /// `interruptFD` (e.g. a pipe another thread writes to) becomes readable.
    public func wait(
        forWriting: Bool = false, timeout: Duration, interruptFD: Int32? = nil, step: String
    ) throws(CurlError) -> Readiness {
        var socket = curl_socket_t(-1)
        let code = cpd_easy_getinfo_socket(raw, CURLINFO_ACTIVESOCKET, &socket)
        guard code == CURLE_OK, socket != -1 else {
            throw CurlError(kind: .connectionLost, step: step, server: context.server,
                            user: context.user, detail: "no open connection")
        }
        var fds = [pollfd(fd: socket, events: Int16(forWriting ? POLLOUT : POLLIN), revents: 0)]
        if let interruptFD { fds.append(pollfd(fd: interruptFD, events: Int16(POLLIN), revents: 0)) }
        let deadline = ContinuousClock.now + timeout
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            if remaining <= .zero { return .timedOut }
            let result = poll(&fds, nfds_t(fds.count), Int32(clamping: remaining.milliseconds))
            if result < 0 {
                if errno == EINTR { continue }
                throw CurlError(kind: .connectionLost, step: step, server: context.server,
                                detail: "poll failed: \(String(cString: strerror(errno)))")
            }
            if result == 0 { continue }
            if fds.count > 1, fds[1].revents != 0 { return .interrupted }
            // POLLHUP/POLLERR count as ready: the following recv reports what happened.
            if fds[0].revents != 0 { return .ready }
        }
    }

    /// True when the connection runs over TLS (implicit or after STARTTLS).
    public var isTLSActive: Bool { cpd_easy_tls_active(raw) != 0 }

    /// CURLINFO_RESPONSE_CODE: the last SMTP reply code.
    public var responseCode: Int {
        var code = 0
        _ = cpd_easy_getinfo_long(raw, CURLINFO_RESPONSE_CODE, &code)
        return code
    }
}
