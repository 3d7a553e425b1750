/// Message-ID, In-Reply-To and References (RFC 5322 §3.6.4): the ids with their angle brackets.
/// Sloppy mailers omit the brackets or put phrases in between; those are dropped.
public enum MessageIDs {
    /// The `<id>`s of a Message-ID, In-Reply-To or References field (RFC 5322 §3.6.4), brackets kept, in order.
    public static func parse(_ text: String) -> [String] {
        let cleaned = ParameterizedValue.stripComments(text)
        var ids: [String] = []
        var rest = Substring(cleaned)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let inner = rest[rest.index(after: open)..<close].filter { !$0.isWhitespace }
            if !inner.isEmpty { ids.append("<" + inner + ">") }
            rest = rest[rest.index(after: close)...]
        }
        if ids.isEmpty {
            // No brackets at all: every token that looks like id@domain.
            for token in cleaned.split(whereSeparator: { $0.isWhitespace || $0 == "," }) where token.contains("@") {
                ids.append("<" + token + ">")
            }
        }
        return ids
    }
}
