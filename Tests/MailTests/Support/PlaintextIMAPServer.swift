import Foundation

/// A one-connection IMAP greeter on 127.0.0.1 that offers no STARTTLS and records what the
/// client sends. The real Dovecot always offers STARTTLS and, on 127.0.0.1, even accepts a
/// plaintext login – so only a server like this can show that the client itself refuses.
final class PlaintextIMAPServer: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var lines: [String] = []
    private let finished = DispatchSemaphore(value: 0)

    init() throws {
        (listener, port) = try LoopbackListener.open()
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    deinit { close(listener) }

    /// Lines received, once the client has gone (or after `timeout`).
    func received(timeout: TimeInterval = 10) -> [String] {
        _ = finished.wait(timeout: .now() + timeout)
        lock.lock()
        defer { lock.unlock() }
        return lines
    }

    private func serve() {
        defer { finished.signal() }
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else { return }
        defer { close(connection) }
        send(connection, "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN AUTH=LOGIN] plaintext only\r\n")
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return }
            pending.append(contentsOf: buffer[..<count])
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                lock.lock()
                lines.append(line)
                lock.unlock()
                let tag = line.split(separator: " ").first.map(String.init) ?? "*"
                if line.uppercased().contains("CAPABILITY") {
                    send(connection, "* CAPABILITY IMAP4rev1 AUTH=PLAIN AUTH=LOGIN\r\n\(tag) OK done\r\n")
                } else {
                    send(connection, "\(tag) OK whatever you say\r\n")
                }
            }
        }
    }

    private func send(_ connection: Int32, _ text: String) {
        _ = text.withCString { Glibc.send(connection, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
    }
}
