import Foundation
public import MIME

/// How the bot read one archived message: the facts `cpdbot inspect` prints, from the same
/// `MessageSummary`, with the console's words for the labels (values in, values out). The
/// technical values (addresses, Message-IDs, DMARC results, SHA-256) stay as the mail has them.
public struct MessageReadingPage: Sendable {
    /// One fact: a label in the page's language and the value.
    public struct Fact: Sendable, Equatable {
        /// The label.
        public var label: String
        /// The value as read.
        public var value: String
    }
    /// One file part (files inside a winmail.dat follow their container, indented by `depth`).
    public struct File: Sendable, Equatable {
        /// The file name as decoded, control characters shown escaped.
        public var name: String
        /// `type/subtype`.
        public var contentType: String
        /// The decoded size in bytes, or "size unknown" in the page's language.
        public var size: String
        /// SHA-256 of the decoded bytes; `–` when they could not be decoded.
        public var sha256: String
        /// Inline, inside a forwarded message, damaged – in the page's language, comma-separated.
        public var flags: String
        /// Why it could not be read; empty when it could.
        public var problem: String
        /// True when `problem` is set.
        public var hasProblem: Bool
        /// True when the file was taken out of a winmail.dat.
        public var isInner: Bool
    }

    /// Sender, recipients, date, subject, ids, auto-reply, bounce, forward, authentication, structure.
    public var facts: [Fact]
    /// Every part that carries a file name, in part order.
    public var files: [File]
    /// True when `files` is not empty.
    public var hasFiles: Bool
    /// MIME defects, as the parser words them.
    public var defects: [String]
    /// True when `defects` is not empty.
    public var hasDefects: Bool

    /// The page of `summary` (`MessageSummary.read` of the archived bytes).
    public init(summary s: MessageSummary, strings: ConsoleStrings) {
        var facts: [Fact] = []
        func add(_ key: String, _ value: String?) {
            facts.append(Fact(label: strings["inspect_" + key], value: value.flatMap { $0.isEmpty ? nil : $0 } ?? "–"))
        }
        let yes = strings["inspect_yes"], no = strings["inspect_no"]
        add("from", [s.fromName, s.from.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " "))
        // Every author, not just the first: a message with several is never credited to one.
        if s.fromAll.count > 1 { add("authors", "\(s.fromAll.count): " + s.fromAll.joined(separator: ", ")) }
        if !s.sender.isEmpty { add("sender", s.sender.joined(separator: ", ")) }
        add("to", s.to.joined(separator: ", "))
        add("date", s.date)
        add("subject", s.subject)
        add("message_id", s.messageId)
        if !s.inReplyTo.isEmpty { add("in_reply_to", s.inReplyTo.joined(separator: " ")) }
        add("auto_reply", s.autoReply ? yes + " (" + s.autoReplySignals.joined(separator: "; ") + ")" : no)
        if let bounce = s.bounce {
            add("bounce", yes + " (\(bounce.format)); " + strings["inspect_failed_recipients"] + ": "
                + bounce.failedRecipients.joined(separator: ", ") + (bounce.originalMessageId.map { "; \($0)" } ?? ""))
        } else {
            add("bounce", no)
        }
        if let forward = s.forward {
            add("forward", [forward.authorName, forward.author.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " ")
                + " [\(forward.evidence)]" + (forward.subject.map { "; \($0)" } ?? "") + (forward.date.map { "; \($0)" } ?? ""))
        } else {
            add("forward", no)
        }
        if let auth = s.authenticationResults {
            add("authentication", "\(auth.authservId): dmarc=\(auth.dmarc ?? "–") spf=\(auth.spf ?? "–") dkim=\(auth.dkim ?? "–")"
                + (auth.headerFrom.map { " header.from=\($0)" } ?? ""))
        } else {
            add("authentication", strings["inspect_none"])
        }
        add("structure", s.malformed ? strings["inspect_malformed"] : strings["inspect_structure_ok"])
        self.facts = facts

        var files: [File] = []
        func collect(_ file: MessageSummary.FileSummary, inner: Bool) {
            var flags: [String] = []
            if file.insideForwardedMessage { flags.append(strings["inspect_file_forwarded"]) }
            if file.inline { flags.append(strings["inspect_file_inline"]) }
            if file.damaged { flags.append(strings["inspect_file_damaged"]) }
            files.append(File(name: Self.visible(file.filename), contentType: file.contentType,
                              size: file.size.map(strings.number) ?? strings["inspect_size_unknown"],
                              sha256: file.sha256 ?? "–", flags: flags.joined(separator: ", "), problem: file.problem ?? "",
                              hasProblem: file.problem != nil, isInner: inner))
            for contained in file.contains ?? [] { collect(contained, inner: true) }
        }
        for file in s.attachments { collect(file, inner: false) }
        self.files = files
        hasFiles = !files.isEmpty
        defects = s.defects
        hasDefects = !s.defects.isEmpty
    }

    /// File names may hold control characters (NUL…): shown escaped, as `cpdbot inspect` does.
    static func visible(_ name: String) -> String {
        String(name.unicodeScalars.flatMap { scalar -> [Character] in
            scalar.properties.generalCategory == .control ? Array("\\u{\(String(scalar.value, radix: 16))}") : [Character(scalar)]
        })
    }
}
