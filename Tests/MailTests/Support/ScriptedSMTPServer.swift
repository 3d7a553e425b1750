import Foundation

/// A plaintext SMTP server on 127.0.0.1 (one connection at a time) whose replies a test
/// chooses, for what the real Postfix will not do: no PIPELINING, 354 with no recipient taken,
/// refusals after the data, a connection dropped mid-batch, replies dribbled byte by byte,
/// an endless reply line. Records every line it receives and how the lines arrived.
final class ScriptedSMTPServer: @unchecked Sendable {
    struct Script: Sendable {
        var pipelining = true
        /// Sends every reply one byte per write (the client must reassemble them).
        var dribble = false
        var mail: @Sendable (String) -> String = { _ in "250 2.1.0 Ok" }
        var recipient: @Sendable (String) -> String = { address in
            address.hasPrefix("nobody") ? "550 5.1.1 <\(address)>: Recipient address rejected: User unknown" : "250 2.1.5 Ok"
        }
        /// The reply to DATA, given how many recipients were taken.
        var data: @Sendable (Int) -> String = { taken in taken > 0 ? "354 End data with <CR><LF>.<CR><LF>" : "554 5.5.1 Error: no valid recipients" }
        /// Connections served one after the other before the server stops listening.
        var connections = 1
        /// The reply after message n's end of data (counting from 0 over all connections); nil
        /// closes the connection instead.
        var endOfData: @Sendable (Int) -> String? = { n in "250 2.0.0 Ok: queued as Q\(n)" }
    }

    let port: UInt16
    private let listener: Int32
    private let script: Script
    private let lock = NSLock()
    private var lines: [String] = []
    private var reads: [[String]] = []
    private var bodies: [String] = []
    private let finished = DispatchSemaphore(value: 0)

    init(_ script: Script) throws {
        self.script = script
        (listener, port) = try LoopbackListener.open()
        Thread { [self] in serve() }.start()
    }

    deinit { close(listener) }

    var url: String { "smtp://127.0.0.1:\(port)/client.test" }

    /// Waits until the clients of all `connections` have gone (or `timeout`), then returns
    /// what was received.
    func transcript(timeout: TimeInterval = 10) -> (lines: [String], reads: [[String]], bodies: [String]) {
        _ = finished.wait(timeout: .now() + timeout)
        return lock.withLock { (lines, reads, bodies) }
    }

    private var messages = 0

    private func serve() {
        for _ in 0..<script.connections {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { break }
            converse(connection)
            close(connection)
        }
        finished.signal()
    }

    private func converse(_ connection: Int32) {
        reply(connection, "220 scripted ESMTP")
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var inData = false, body: [String] = [], taken = 0, mailTaken = false
        while true {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return }
            pending.append(contentsOf: buffer[..<count])
            var thisRead: [String] = []
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                    .trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
                pending.removeSubrange(...newline)
                if inData {
                    guard line != "." else {
                        inData = false
                        lock.withLock { bodies.append(body.joined(separator: "\n")) }
                        body.removeAll()
                        messages += 1
                        guard let answer = script.endOfData(messages - 1) else { return }
                        reply(connection, answer)
                        continue
                    }
                    body.append(line)
                    continue
                }
                thisRead.append(line)
                lock.withLock { lines.append(line) }
                let command = line.uppercased()
                if command.hasPrefix("EHLO") {
                    reply(connection, "250-scripted\r\n" + (script.pipelining ? "250-PIPELINING\r\n" : "") + "250 8BITMIME")
                } else if command.hasPrefix("MAIL FROM:") {
                    taken = 0
                    let answer = script.mail(line)
                    mailTaken = answer.hasPrefix("2")
                    reply(connection, answer)
                } else if !mailTaken, command.hasPrefix("RCPT TO:") || command == "DATA" {
                    reply(connection, "503 5.5.1 Error: need MAIL command")
                } else if command.hasPrefix("RCPT TO:") {
                    let address = line.dropFirst("RCPT TO:<".count).prefix { $0 != ">" }
                    let answer = script.recipient(String(address))
                    if answer.hasPrefix("2") { taken += 1 }
                    reply(connection, answer)
                } else if command == "DATA" {
                    mailTaken = false
                    let answer = script.data(taken)
                    inData = answer.hasPrefix("354")
                    reply(connection, answer)
                } else if command == "QUIT" {
                    reply(connection, "221 2.0.0 Bye")
                    return
                } else {
                    if command == "RSET" { mailTaken = false }
                    reply(connection, "250 2.0.0 Ok")
                }
            }
            if !thisRead.isEmpty { lock.withLock { reads.append(thisRead) } }
        }
    }

    private func reply(_ connection: Int32, _ text: String) {
        let bytes = Array((text + "\r\n").utf8)
        if script.dribble {
            for byte in bytes { _ = withUnsafeBytes(of: byte) { Glibc.send(connection, $0.baseAddress, 1, Int32(MSG_NOSIGNAL)) } }
        } else {
            _ = bytes.withUnsafeBytes { Glibc.send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }
    }
}
