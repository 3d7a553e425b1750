/// What the server's EHLO reply announces (RFC 5321 §4.1.1.1): the first line greets, each
/// further line names one extension and its parameters.
struct SMTPCapabilities: Sendable, Equatable {
    /// Upper-cased extension keywords: "PIPELINING", "SIZE", "8BITMIME", "SMTPUTF8", …
    var keywords: Set<String> = []
    /// The SIZE limit in bytes, when announced with a number (0 means "no fixed limit").
    var maxMessageSize: Int?
    /// The SASL mechanisms of the `AUTH` line ("PLAIN", "LOGIN", "XOAUTH2", …), upper-cased;
    /// the old `AUTH=PLAIN LOGIN` form some servers still send counts too.
    var authMechanisms: Set<String> = []

    init(keywords: Set<String> = [], maxMessageSize: Int? = nil) {
        self.keywords = keywords
        self.maxMessageSize = maxMessageSize
    }

    init(ehlo reply: SMTPReply) {
        for line in reply.lines.dropFirst() {
            let words = line.split(separator: " ")
            guard let keyword = words.first?.uppercased() else { continue }
            keywords.insert(keyword)
            if keyword == "SIZE", words.count > 1, let size = Int(words[1]) { maxMessageSize = size }
            if keyword == "AUTH" { authMechanisms.formUnion(words.dropFirst().map { $0.uppercased() }) }
            if keyword.hasPrefix("AUTH=") {
                authMechanisms.formUnion(([keyword.dropFirst(5)] + words.dropFirst()).map { $0.uppercased() }.filter { !$0.isEmpty })
            }
        }
    }

    var pipelining: Bool { keywords.contains("PIPELINING") }
    var size: Bool { keywords.contains("SIZE") }
    var smtpUTF8: Bool { keywords.contains("SMTPUTF8") }
}
