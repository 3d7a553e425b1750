import Testing
@testable import Mail

@Suite struct MessageDataTests {
    static func encoded(_ text: String) -> String {
        var out: [UInt8] = []
        MessageData.append(Array(text.utf8), to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test(arguments: [
        // Dot-stuffing: every line that starts with "." gets one more, the first line too.
        (".\r\n..two\r\n.one\r\nend\r\n", "..\r\n...two\r\n..one\r\nend\r\n.\r\n"),
        (".first", "..first\r\n.\r\n"),
        ("a.b\r\n x.\r\n", "a.b\r\n x.\r\n.\r\n"),
        // A missing final line end is added; an empty message is only the end-of-data line.
        ("no newline", "no newline\r\n.\r\n"),
        ("", ".\r\n"),
        ("\r\n", "\r\n.\r\n"),
        // Bare LF and bare CR become CRLF, so "\n.\n" can never end the data early.
        ("a\n.\nb", "a\r\n..\r\nb\r\n.\r\n"),
        ("a\r.\rb\r\n", "a\r\n..\r\nb\r\n.\r\n"),
        ("a\r\n\r\n.\r\n", "a\r\n\r\n..\r\n.\r\n"),
    ])
    func stuffsAndTerminates(input: String, expected: String) {
        #expect(Self.encoded(input) == expected)
    }

    /// What the server does on receipt (RFC 5321 §4.5.2), on bytes, to check the round trip:
    /// nil when the data does not end with the end-of-data line or holds another lone ".".
    static func unstuffed(_ wire: [UInt8]) -> [UInt8]? {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), dot = UInt8(ascii: ".")
        var lines: [[UInt8]] = [[]]
        var index = 0
        while index < wire.count {
            if wire[index] == cr, index + 1 < wire.count, wire[index + 1] == lf {
                lines.append([])
                index += 2
            } else {
                lines[lines.count - 1].append(wire[index])
                index += 1
            }
        }
        guard lines.last == [], lines.dropLast().last == [dot] else { return nil }
        lines.removeLast(2)
        if lines.contains([dot]) { return nil }
        return lines.flatMap { ($0.first == dot ? Array($0.dropFirst()) : $0) + [cr, lf] }
    }

    @Test func roundTripIsByteForByteForCRLFMessages() {
        let hostile = [".", "..", "...", "x", "", " .", ".SMTP", "\u{0}.", ".\u{7F}"]
        for first in hostile {
            for second in hostile {
                let message = Array("\(first)\r\n\(second)\r\n.\r\n".utf8)
                var wire: [UInt8] = []
                MessageData.append(message, to: &wire)
                #expect(Self.unstuffed(wire) == message, "\(String(decoding: message, as: UTF8.self).debugDescription)")
            }
        }
    }
}
