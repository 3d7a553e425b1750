public import Foundation

/// A plaintext SMTP server on 127.0.0.1 that takes every message (PIPELINING offered), or
/// drops the connection when it has read message `dropAt`'s end of data, without answering:
/// the moment the client cannot know whether the message was taken. Records the Message-IDs of
/// the messages it answered with 250. Serves one connection. `throttleAt` answers that
/// message's end of data with `throttleReply` instead (a provider's "too fast"); a `421`
/// closes the connection after it, as servers do.
public final class FakeSubmissionServer: @unchecked Sendable {
    public let port: UInt16
    private let listener: Int32
    private let dropAt: Int?
    private let throttleAt: Int?
    private let throttleReply: String
    private let lock = NSLock()
    private var accepted: [String] = []
    private let finished = DispatchSemaphore(value: 0)

    public init(dropAt: Int? = nil, throttleAt: Int? = nil, throttleReply: String = "451 4.7.500 Server busy. Please try again later.") throws {
        self.dropAt = dropAt
        self.throttleAt = throttleAt
        self.throttleReply = throttleReply
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(listener, pointer, length) == 0 && listen(listener, 1) == 0 && getsockname(listener, pointer, &length) == 0
            }
        }
        guard bound else {
            close(listener)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot listen on 127.0.0.1"])
        }
        self.listener = listener
        port = UInt16(bigEndian: address.sin_port)
        Thread { [self] in serve() }.start()
    }

    deinit { close(listener) }

    public var url: String { "smtp://127.0.0.1:\(port)/kazguu.kz" }

    /// Message-IDs answered with 250, once the client has gone (or after `timeout`).
    public func acceptedMessageIDs(timeout: TimeInterval = 10) -> [String] {
        _ = finished.wait(timeout: .now() + timeout)
        return lock.withLock { accepted }
    }

    private func serve() {
        defer { finished.signal() }
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else { return }
        defer { close(connection) }
        func reply(_ text: String) { _ = text.withCString { send(connection, $0, strlen($0), Int32(MSG_NOSIGNAL)) } }
        reply("220 fake ESMTP\r\n")
        var pending: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 65536)
        var inData = false, messageID = "", messages = 0
        while true {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return }
            pending.append(contentsOf: buffer[..<count])
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self).trimmingCharacters(in: .newlines)
                pending.removeSubrange(...newline)
                if inData {
                    if line.lowercased().hasPrefix("message-id:") { messageID = line.dropFirst(11).trimmingCharacters(in: .whitespaces) }
                    guard line == "." else { continue }
                    inData = false
                    if messages == dropAt { return }
                    if messages == throttleAt {
                        messages += 1
                        reply(throttleReply + "\r\n")
                        if throttleReply.hasPrefix("421") { return }
                        continue
                    }
                    messages += 1
                    lock.withLock { accepted.append(messageID) }
                    reply("250 2.0.0 Ok: queued\r\n")
                } else if line.uppercased().hasPrefix("EHLO") {
                    reply("250-fake\r\n250-PIPELINING\r\n250 8BITMIME\r\n")
                } else if line.uppercased() == "DATA" {
                    inData = true
                    reply("354 go ahead\r\n")
                } else if line.uppercased() == "QUIT" {
                    reply("221 Bye\r\n")
                    return
                } else {
                    reply("250 Ok\r\n")
                }
            }
        }
    }
}
