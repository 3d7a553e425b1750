import Foundation

/// Removes anything that looks like a credential from free text before it reaches the journal.
///
/// Callers should never pass secrets, but error texts from libcurl, a server or a token endpoint
/// can echo a command line, a URL, a form or a JSON answer; this is the last line of defence,
/// not the only one.
enum CredentialRedactor {
    static let mask = "[redacted]"

    /// Each pattern with the template that replaces its match.
    private static let rules: [(pattern: String, template: String)] = [
        // password=secret, pass: secret, pwd "secret", token=… (not a name ending in them: a
        // client called `cpdbot-secret` is named in messages as "client cpdbot-secret: …")
        (#"(?i)(?<![\w-])(password|passwd|pass|pwd|secret|token|authorization)\b(\s*[=:]\s*)("[^"]*"|'[^']*'|\S+)"#, "$1$2\(mask)"),
        // OAuth2 fields in a form or in JSON: client_secret=…, "access_token": "…", assertion=…
        (#"(?i)\b(access_token|refresh_token|id_token|client_secret|client_assertion|assertion)\b("?\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s&,;}]+)"#,
         "$1$2\(mask)"),
        // HTTP and SASL bearer tokens: `Authorization: Bearer …`, `auth=Bearer …` (XOAUTH2, OAUTHBEARER)
        (#"(?i)\b(Bearer)\s+[A-Za-z0-9\-._~+/]+=*"#, "$1 \(mask)"),
        // A JWT anywhere (an assertion or a token): three base64url parts, the first a JSON header
        (#"\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*"#, mask),
        // IMAP `LOGIN user secret` / `AUTHENTICATE PLAIN <base64>`
        (#"(?i)\b(LOGIN)\s+("[^"]*"|\S+)\s+("[^"]*"|\S+)"#, "$1 $2 \(mask)"),
        (#"(?i)\b(AUTHENTICATE|AUTH)\s+(PLAIN|LOGIN|XOAUTH2|OAUTHBEARER)\s+\S+"#, "$1 $2 \(mask)"),
        // scheme://user:secret@host
        (#"([a-zA-Z][a-zA-Z0-9+.-]*://[^/\s:@]+):[^@\s/]+@"#, "$1:\(mask)@"),
    ]

    private static let compiled: [(NSRegularExpression, String)] = rules.compactMap { rule in
        (try? NSRegularExpression(pattern: rule.pattern)).map { ($0, rule.template) }
    }

    /// In a text that speaks of AUTH: a line that is only base64 (a protocol trace may mark it
    /// `>` or `C:`) is the SASL response sent on its own line, e.g. after a `334` or `+`.
    private static let authentication = try? NSRegularExpression(pattern: #"(?i)\bAUTH(ENTICATE)?\b"#)
    private static let base64Line = try? NSRegularExpression(
        pattern: #"(?m)^([ \t]*(?:>|C:)?[ \t]*)[A-Za-z0-9+/]{12,}={0,2}[ \t]*$"#)

    static func redact(_ text: String) -> String {
        // A pattern that failed to compile: fail closed.
        guard compiled.count == rules.count, let authentication, let base64Line else { return mask }
        var result = text
        for (pattern, template) in compiled {
            let range = NSRange(result.startIndex..., in: result)
            result = pattern.stringByReplacingMatches(in: result, range: range, withTemplate: template)
        }
        if authentication.firstMatch(in: result, range: NSRange(result.startIndex..., in: result)) != nil {
            let range = NSRange(result.startIndex..., in: result)
            result = base64Line.stringByReplacingMatches(in: result, range: range, withTemplate: "$1\(mask)")
        }
        return result
    }
}
