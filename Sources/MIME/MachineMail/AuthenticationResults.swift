/// The TOPMOST Authentication-Results header (RFC 8601). Only the receiving server's own
/// header, which it prepends, can be trusted; any lower one came with the message and may be
/// forged, so it is never read.
public struct AuthenticationResults: Sendable, Equatable {
    /// One method's verdict, e.g. `dkim=pass`.
    public struct MethodResult: Sendable, Equatable {
        /// "dmarc", "spf", "dkim", "arc"… lowercased.
        public let method: String
        /// "pass", "fail", "none", "softfail"… lowercased.
        public let result: String
        /// Properties such as "header.from" or "smtp.mailfrom".
        public let properties: [String: String]
    }

    /// The server that wrote the header (compare with the trusted one before believing it).
    public let authservID: String
    /// Every method's result, in the header's order.
    public let results: [MethodResult]

    /// The first result of a method ("dmarc", "spf", "dkim").
    public func result(of method: String) -> String? {
        results.first { $0.method == method.lowercased() }?.result
    }

    /// The DMARC result (`pass`, `fail`, …; RFC 7489), lower-cased.
    public var dmarc: String? { result(of: "dmarc") }
    /// The SPF result (RFC 7208), lower-cased.
    public var spf: String? { result(of: "spf") }
    /// The DKIM result (RFC 6376), lower-cased; the first one when several signatures were checked.
    public var dkim: String? { result(of: "dkim") }
    /// The `From:` domain the checks were for: DMARC's `header.from`, else the first method's.
    public var headerFrom: String? {
        (results.first { $0.method == "dmarc" && $0.properties["header.from"] != nil }
            ?? results.first { $0.properties["header.from"] != nil })?.properties["header.from"]?.lowercased()
    }

    /// Parses the topmost Authentication-Results of `header`.
    public static func topmost(in header: HeaderSection) -> AuthenticationResults? {
        header.first("Authentication-Results").flatMap { parse($0.text) }
    }

    /// Parses one Authentication-Results field (RFC 8601); nil when it has no authserv-id.
    public static func parse(_ text: String) -> AuthenticationResults? {
        let pieces = ParameterizedValue.splitOutsideQuotes(ParameterizedValue.stripComments(text))
        guard let first = pieces.first else { return nil }
        // authserv-id, optionally followed by a version number.
        guard let id = first.split(whereSeparator: \.isWhitespace).first.map(String.init), !id.isEmpty else { return nil }
        var results: [MethodResult] = []
        for piece in pieces.dropFirst() {
            let tokens = piece.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let head = tokens.first, let eq = head.firstIndex(of: "=") else { continue }
            var method = head[..<eq].lowercased()
            if let slash = method.firstIndex(of: "/") { method = String(method[..<slash]) }  // "dkim/1"
            let result = head[head.index(after: eq)...].lowercased()
            var properties: [String: String] = [:]
            for token in tokens.dropFirst() {
                guard let e = token.firstIndex(of: "=") else { continue }
                properties[token[..<e].lowercased()] = ParameterizedValue.unquote(String(token[token.index(after: e)...]))
            }
            results.append(MethodResult(method: method, result: result, properties: properties))
        }
        return AuthenticationResults(authservID: id.lowercased(), results: results)
    }
}
