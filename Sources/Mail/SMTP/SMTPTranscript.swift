/// Follows the SMTP conversation libcurl reports through its debug callback and pairs each
/// `RCPT TO` (and `MAIL FROM`, `DATA`) with the server's reply. Pure: bytes in, values out.
///
/// Only these commands are kept: AUTH lines carry credentials and are never stored.
struct SMTPTranscript {
    struct Reply: Equatable {
        var command: Command
        var code: Int
        var text: String
    }

    enum Command: Equatable {
        case mailFrom
        case recipient(String)
        case data
        case other
    }

    private(set) var replies: [Reply] = []
    private var awaiting: Command?
    private var replyLines: [String] = []
    private var partialIn: [UInt8] = []

    /// A command line libcurl sent.
    mutating func sent(_ bytes: some Collection<UInt8>) {
        let line = String(decoding: bytes.prefix(600), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let upper = line.uppercased()
        if upper.hasPrefix("RCPT TO:") {
            awaiting = .recipient(Self.address(in: String(line.dropFirst("RCPT TO:".count))))
        } else if upper.hasPrefix("MAIL FROM:") {
            awaiting = .mailFrom
        } else if upper == "DATA" {
            awaiting = .data
        } else {
            awaiting = .other  // EHLO, AUTH, STARTTLS, QUIT: replies not kept
        }
        replyLines.removeAll()
    }

    /// Reply bytes from the server (one or more lines, possibly split anywhere).
    mutating func received(_ bytes: some Collection<UInt8>) {
        partialIn.append(contentsOf: bytes)
        while let newline = partialIn.firstIndex(of: UInt8(ascii: "\n")) {
            let line = String(decoding: partialIn[..<newline], as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            partialIn.removeSubrange(...newline)
            receivedLine(line)
        }
    }

    /// RFC 5321 §4.2: "250-text" continues, "250 text" ends a reply.
    private mutating func receivedLine(_ line: String) {
        let code = Int(line.prefix(3)) ?? 0
        let separator = line.dropFirst(3).first
        replyLines.append(String(line.dropFirst(4)))
        guard separator != "-" else { return }
        if let command = awaiting, command != .other {
            replies.append(Reply(command: command, code: code, text: replyLines.joined(separator: " ")))
        }
        // A 354 to DATA is intermediate; the final reply to the message follows.
        if !(awaiting == .data && code == 354) { awaiting = nil }
        replyLines.removeAll()
    }

    /// `<a@b.kz> SIZE=…` → "a@b.kz"
    static func address(in text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("<"), let close = trimmed.firstIndex(of: ">") {
            return String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
        }
        return String(trimmed.prefix { $0 != " " })
    }

    func reply(to command: Command) -> Reply? { replies.last { $0.command == command } }
}
