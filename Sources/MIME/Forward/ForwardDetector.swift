import Foundation

/// Finds the original author of a forward: an attached message/rfc822 first, else the topmost
/// forward block in the body text (text/plain, or the HTML body with tags stripped).
public enum ForwardDetector {
    /// The original author of a forwarded message, from an attached message or a forward block; nil when it is no forward.
    public static func origin(of message: ParsedMessage, limits: MIMELimits = .default) -> ForwardedOrigin? {
        // A report (bounce) returns our own message as message/rfc822: that is no forward.
        if message.root.contentType.mimeType == "multipart/report" { return nil }
        if let attached = attachedOrigin(message) { return attached }
        let subject = message.subject ?? ""
        let text = message.readableText(limits: limits)
        if let found = originInText(text, subjectSaysForward: subjectSaysForward(subject)) { return found }
        // The plain alternative may lack the block that the HTML shows (or be missing): try HTML too.
        if let html = message.htmlBody(limits: limits) {
            return originInText(HTMLText.plainText(html), subjectSaysForward: subjectSaysForward(subject))
        }
        return nil
    }

    private static func attachedOrigin(_ message: ParsedMessage) -> ForwardedOrigin? {
        for part in message.allParts where !part.insideForwardedMessage {
            guard let inner = part.encapsulatedMessage, let author = inner.sender else { continue }
            return ForwardedOrigin(author: author, subject: inner.subject, date: inner.header["Date"], evidence: .attachedMessage)
        }
        return nil
    }

    /// Whether the subject's outermost prefix says forward ("Fwd:", "FW:", "Пересл:"…). "RE: FW:" is a
    /// reply to a forward: the block it quotes is the message being answered, not a forward.
    static func subjectSaysForward(_ subject: String) -> Bool {
        var rest = Substring(subject).drop { $0.isWhitespace }
        // Skip list tags such as "[kazguu]".
        while rest.first == "[", let close = rest.firstIndex(of: "]") {
            rest = rest[rest.index(after: close)...].drop { $0.isWhitespace }
        }
        guard let colon = rest.firstIndex(of: ":"), rest.distance(from: rest.startIndex, to: colon) <= 8 else { return false }
        let prefix = rest[..<colon].lowercased().filter { $0.isLetter }
        return ForwardLabels.subjectPrefixes.contains(prefix)
    }

    /// Scans lines for a forward block and reads its header lines.
    static func originInText(_ text: String, subjectSaysForward: Bool) -> ForwardedOrigin? {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { stripQuoting(String($0)) }
        for (index, line) in lines.enumerated() {
            if isSeparator(line) {
                if let block = readBlock(lines, from: index + 1, evidence: .separatorLine) { return block }
                continue
            }
            // Outlook without a separator: "From: …" directly followed by "Sent:"/"Date:" within the next lines.
            if label(of: line, in: ForwardLabels.from) != nil,
               let block = readBlock(lines, from: index, evidence: .headerBlock), block.date != nil {
                // In a reply this block heads the quoted message being answered: what follows is
                // history, and a forward inside it is not this message's forward.
                return subjectSaysForward ? block : nil
            }
            if isReplyAttribution(line) { return nil }
        }
        return nil
    }

    /// "On …, Name <addr> wrote:" and its translations: the start of quoted history in a reply.
    static func isReplyAttribution(_ line: String) -> Bool {
        // Most lines do not end in ":": known from their end, before lowercasing the whole line.
        guard line.last(where: { !$0.isWhitespace }) == ":" else { return false }
        let l = line.lowercased().trimmingWhitespace()
        guard l.hasSuffix(":"), l.count < 300 else { return false }
        return ["wrote:", "написал:", "написала:", "написал(а):", "пишет:", "жазды:", "жазған:"].contains { l.hasSuffix($0) }
    }

    /// Reads "Label: value" lines (skipping blank ones at the start) until the first other line.
    private static func readBlock(_ lines: [String], from start: Int, evidence: ForwardedOrigin.Evidence) -> ForwardedOrigin? {
        var author: Mailbox?
        var subject: String?
        var date: String?
        var i = start
        var seenField = false
        var lastField: String?
        while i < lines.count, i < start + 20 {
            let line = lines[i].trimmingWhitespace()
            i += 1
            if line.isEmpty { if seenField { break } else { continue } }
            if let v = label(of: line, in: ForwardLabels.from) { author = parseAuthor(v); seenField = true; lastField = "from"; continue }
            if let v = label(of: line, in: ForwardLabels.subject) { subject = v; seenField = true; lastField = "subject"; continue }
            if let v = label(of: line, in: ForwardLabels.date) { date = v; seenField = true; lastField = "date"; continue }
            if label(of: line, in: ForwardLabels.to + ForwardLabels.cc) != nil { seenField = true; lastField = "to"; continue }
            // A long address list or subject wraps onto the next line.
            if seenField, lastField == "subject", let s = subject { subject = s + " " + line; continue }
            if seenField, lastField == "to" { continue }
            // Yandex and some webmails open the block with one line: `20.05.2026, 11:02, "Name" <addr>:`.
            if !seenField, evidence == .separatorLine, let inline = authorLine(line) { author = inline; seenField = true; continue }
            break
        }
        guard let author else { return nil }
        return ForwardedOrigin(author: author, subject: subject, date: date, evidence: evidence)
    }

    /// The author from a one-line attribution ending in ":" that holds an address.
    static func authorLine(_ line: String) -> Mailbox? {
        guard line.hasSuffix(":"), let address = EmailScanner.addresses(in: line).first else { return nil }
        var name: String?
        if let open = line.firstIndex(of: "\""), let close = line[line.index(after: open)...].firstIndex(of: "\"") {
            name = String(line[line.index(after: open)..<close]).trimmingWhitespace()
        }
        return Mailbox(displayName: name?.isEmpty == false ? name : nil, address: address)
    }

    /// `Name <addr>`, `"Name" <addr>`, `Name [mailto:addr]`, `addr`, or just a name.
    static func parseAuthor(_ value: String) -> Mailbox? {
        let trimmed = value.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        if let mailbox = AddressParser.parseList(trimmed).first(where: { !$0.address.isEmpty }) {
            return mailbox
        }
        // Only a name (Outlook with Exchange-internal senders shows no address).
        let name = trimmed.trimmingCharacters(in: ["\"", "'", " "])
        return name.isEmpty ? nil : Mailbox(displayName: name, address: "")
    }

    /// The value after "Label:" when the line starts with one of `labels` (case-insensitive;
    /// Outlook's HTML gives "From:" in bold, which stripping tags leaves as plain text).
    static func label(of line: String, in labels: [String]) -> String? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        // Asterisks dropped scalar by scalar (as a literal search would), without Foundation.
        let name = String(String.UnicodeScalarView(String(line[..<colon]).trimmingWhitespace().lowercased()
                                                   .unicodeScalars.filter { $0 != "*" }))
        guard labels.contains(name.trimmingWhitespace()) else { return nil }
        return String(line[line.index(after: colon)...]).trimmingWhitespace()
    }

    static func isSeparator(_ line: String) -> Bool {
        // Trimmed first, then only a short core lowercased: a long line is not copied and
        // lowercased whole (no trimmed character has a case, so the order does not matter).
        var view = Substring(line).unicodeScalars
        while let first = view.first, isSeparatorPadding(first) { view.removeFirst() }
        while let last = view.last, isSeparatorPadding(last) { view.removeLast() }
        let trimmed = Substring(view)
        guard !trimmed.isEmpty, trimmed.prefix(61).count <= 60 else { return false }
        let core = trimmed.lowercased()
        return ForwardLabels.separators.contains { core == $0 || (core.hasPrefix($0) && core.count <= $0.count + 25) }
    }

    private static func isSeparatorPadding(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "-", " ", "_", "=", "*", "\t", ":", "\u{A0}": true
        default: false
        }
    }

    /// Removes "> " quoting that replies add in front of a forwarded block.
    private static func stripQuoting(_ line: String) -> String {
        var s = Substring(line)
        while let f = s.first, f == ">" || f == " " { s.removeFirst() }
        return String(s)
    }
}
