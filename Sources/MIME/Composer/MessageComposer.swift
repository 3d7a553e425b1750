import Digest
/// Writes an `OutgoingMessage` as RFC 5322/MIME bytes that Outlook and Gmail show well:
/// UTF-8 everywhere, CRLF line ends, no line over 998 octets, text + HTML alternatives,
/// attachments named both ways (RFC 2231 and RFC 2047), deterministic Message-ID and boundaries.
public enum MessageComposer {
    /// `<sha256(key)[0..<32]@domain>`: the same key always yields the same id.
    public static func messageID(key: String, domain: String) -> String {
        "<" + String(SHA256.hexDigest(Array(key.utf8)).prefix(32)) + "@" + HeaderEncoder.raw(domain).filter { $0 != " " } + ">"
    }

    /// The whole message as bytes ready for SMTP `DATA`: CRLF line ends, nothing over 998 octets (RFC 5322 §2.1.1).
    public static func compose(_ m: OutgoingMessage) -> [UInt8] {
        var out = ""
        func header(_ name: String, _ value: String) { out += name + ": " + value + "\r\n" }
        header("Date", RFC5322DateFormat.string(m.date, utcOffsetSeconds: m.utcOffsetSeconds))
        header("From", HeaderEncoder.mailbox(m.from))
        header("To", HeaderEncoder.addressList(m.to, nameLength: 4))
        if !m.cc.isEmpty { header("Cc", HeaderEncoder.addressList(m.cc, nameLength: 4)) }
        if !m.replyTo.isEmpty { header("Reply-To", HeaderEncoder.addressList(m.replyTo, nameLength: 10)) }
        header("Subject", HeaderEncoder.unstructured(m.subject, nameLength: 9))
        header("Message-ID", messageID(key: m.messageIDKey, domain: m.messageIDDomain))
        if let parent = m.inReplyTo { header("In-Reply-To", HeaderEncoder.raw(parent)) }
        if !m.references.isEmpty {
            header("References", HeaderEncoder.fold(words: m.references.map(HeaderEncoder.raw), separator: " ", firstLineUsed: 12))
        }
        if let auto = m.autoSubmitted {
            header("Auto-Submitted", HeaderEncoder.raw(auto))
            // Asks Exchange not to answer the bot's mail with out-of-office replies (loops).
            header("X-Auto-Response-Suppress", "All")
        }
        header("MIME-Version", "1.0")
        if let language = m.contentLanguage { header("Content-Language", HeaderEncoder.raw(language)) }

        let seed = SHA256.hexDigest(Array(("boundary/" + m.messageIDKey).utf8))
        // "=_" never occurs in base64 or quoted-printable output, so these boundaries cannot collide.
        func boundary(_ level: Int) -> String { "=_cpdbot_" + String(seed.prefix(24)) + "_\(level)" }

        var bytes = Array(out.utf8)
        let body = bodyEntity(m, boundary: boundary(2))
        if m.attachments.isEmpty {
            bytes += body
        } else {
            let b = boundary(1)
            bytes += Array("Content-Type: multipart/mixed;\r\n boundary=\"\(b)\"\r\n\r\n".utf8)
            bytes += Array("This is a multi-part message in MIME format.\r\n".utf8)
            bytes += Array("--\(b)\r\n".utf8) + body + Array("\r\n".utf8)
            for attachment in m.attachments {
                bytes += Array("--\(b)\r\n".utf8) + attachmentEntity(attachment) + Array("\r\n".utf8)
            }
            bytes += Array("--\(b)--\r\n".utf8)
        }
        return bytes
    }

    /// The text part, or text + HTML as multipart/alternative (header lines included).
    private static func bodyEntity(_ m: OutgoingMessage, boundary: String) -> [UInt8] {
        let text = textEntity(m.text, subtype: "plain")
        guard let html = m.html else { return text }
        var bytes = Array("Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"\r\n\r\n".utf8)
        bytes += Array("--\(boundary)\r\n".utf8) + text + Array("\r\n".utf8)
        bytes += Array("--\(boundary)\r\n".utf8) + textEntity(html, subtype: "html") + Array("\r\n".utf8)
        bytes += Array("--\(boundary)--\r\n".utf8)
        return bytes
    }

    /// Mostly-ASCII text goes quoted-printable (readable in source); Cyrillic-heavy text base64 (smaller).
    private static func textEntity(_ text: String, subtype: String) -> [UInt8] {
        let utf8 = Array(text.utf8)
        let nonASCII = utf8.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
        let useBase64 = nonASCII * 5 > utf8.count
        var bytes = Array("Content-Type: text/\(subtype); charset=\"utf-8\"\r\n".utf8)
        if useBase64 {
            bytes += Array("Content-Transfer-Encoding: base64\r\n\r\n".utf8)
            bytes += Base64.encodeLines(normalizedLineEnds(utf8))
        } else {
            bytes += Array("Content-Transfer-Encoding: quoted-printable\r\n\r\n".utf8)
            bytes += QuotedPrintable.encode(utf8)
        }
        return bytes
    }

    private static func attachmentEntity(_ a: OutgoingMessage.Attachment) -> [UInt8] {
        var head = "Content-Type: " + HeaderEncoder.raw(a.mimeType) + FilenameParameter.contentTypeName(a.filename) + "\r\n"
        head += "Content-Disposition: attachment" + FilenameParameter.disposition(a.filename) + "\r\n"
        head += "Content-Transfer-Encoding: base64\r\n\r\n"
        return Array(head.utf8) + Base64.encodeLines(a.bytes)
    }

    /// Text bodies use CRLF line ends (RFC 5322 §2.3), whatever the template had.
    private static func normalizedLineEnds(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 40)
        var previous: UInt8 = 0
        for b in bytes {
            if b == 0x0A, previous != 0x0D { out.append(0x0D) }
            out.append(b)
            previous = b
        }
        return out
    }
}
