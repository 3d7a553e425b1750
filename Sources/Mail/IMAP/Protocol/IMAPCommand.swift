import Foundation

/// A command as the client sends it: text and literals (RFC 9051 §4.3). The tag is added when
/// it is sent. `display` is what errors and logs show – never literal contents.
struct IMAPCommand: Sendable {
    enum Part: Sendable {
        case text(String)
        case literal(Data)
    }

    var parts: [Part]
    var display: String

    init(_ text: String, display: String? = nil) {
        parts = [.text(text)]
        self.display = display ?? text
    }

    init(parts: [Part], display: String) {
        self.parts = parts
        self.display = display
    }
}

/// Quoting and set syntax for command arguments.
enum IMAPSyntax {
    /// A mailbox name as a quoted string, encoded in modified UTF-7 (RFC 3501 §5.1.3), which
    /// every server understands (UTF8=ACCEPT is not assumed).
    static func mailbox(_ name: String) throws(MailError) -> String {
        try quoted(ModifiedUTF7.encode(name))
    }

    /// A quoted string (RFC 9051 `quoted`): ASCII without CR, LF or NUL.
    static func quoted(_ text: String) throws(MailError) -> String {
        guard text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F || $0 == 0x09 }) else {
            throw .invalidArgument("\"\(text.prefix(80))\" holds characters that cannot be quoted")
        }
        var result = "\""
        for character in text {
            if character == "\"" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result + "\""
    }

    /// A UID set ("1:5,7,9:12") from UIDs in any order; nil when empty.
    static func uidSet<S: Sequence>(_ uids: S) -> String? where S.Element == UInt32 {
        let sorted = Array(Set(uids)).sorted()
        guard var start = sorted.first else { return nil }
        var ranges: [String] = []
        var end = start
        for uid in sorted.dropFirst() {
            if uid == end + 1 { end = uid; continue }
            ranges.append(start == end ? "\(start)" : "\(start):\(end)")
            start = uid
            end = uid
        }
        ranges.append(start == end ? "\(start)" : "\(start):\(end)")
        return ranges.joined(separator: ",")
    }

    /// UID sets of at most `maximum` UIDs each, so that no command line grows past what servers
    /// accept (Dovecot: 64 KB).
    static func uidSets(_ uids: [UInt32], maximum: Int) -> [String] {
        let sorted = Array(Set(uids)).sorted()
        return stride(from: 0, to: sorted.count, by: max(1, maximum)).compactMap {
            uidSet(sorted[$0..<min($0 + max(1, maximum), sorted.count)])
        }
    }

    /// Flags as a parenthesised list; system flags (`\Seen`) and keywords (`$Processed`).
    static func flagList(_ flags: [String]) throws(MailError) -> String {
        for flag in flags where flag.isEmpty || flag.utf8.contains(where: { $0 <= 0x20 || $0 >= 0x7F || "(){}\"]%*".utf8.contains($0) }) {
            throw .invalidArgument("\"\(flag.prefix(80))\" is not a valid IMAP flag")
        }
        return "(" + flags.joined(separator: " ") + ")"
    }
}
