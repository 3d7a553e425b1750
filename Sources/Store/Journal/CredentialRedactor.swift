import Foundation

/// Removes anything that looks like a credential from free text before it reaches the journal.
///
/// Callers should never pass secrets, but error texts from libcurl or a server can echo a
/// command line or URL; this is the last line of defence, not the only one.
enum CredentialRedactor {
    static let mask = "[redacted]"

    private static let patterns: [NSRegularExpression] = [
        // password=secret, pass: secret, pwd "secret", token=…
        #"(?i)\b(password|passwd|pass|pwd|secret|token|authorization)\b(\s*[=:]\s*)("[^"]*"|'[^']*'|\S+)"#,
        // IMAP `LOGIN user secret` / `AUTHENTICATE PLAIN <base64>`
        #"(?i)\b(LOGIN)\s+("[^"]*"|\S+)\s+("[^"]*"|\S+)"#,
        #"(?i)\b(AUTHENTICATE|AUTH)\s+(PLAIN|LOGIN|XOAUTH2)\s+\S+"#,
        // scheme://user:secret@host
        #"([a-zA-Z][a-zA-Z0-9+.-]*://[^/\s:@]+):[^@\s/]+@"#,
    ].compactMap { try? NSRegularExpression(pattern: $0) }

    static func redact(_ text: String) -> String {
        guard patterns.count == 4 else { return mask }  // a pattern failed to compile: fail closed
        var result = text
        let templates = ["$1$2\(mask)", "$1 $2 \(mask)", "$1 $2 \(mask)", "$1:\(mask)@"]
        for (pattern, template) in zip(patterns, templates) {
            let range = NSRange(result.startIndex..., in: result)
            result = pattern.stringByReplacingMatches(in: result, range: range, withTemplate: template)
        }
        return result
    }
}
