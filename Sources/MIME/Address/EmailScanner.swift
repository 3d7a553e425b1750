import Foundation

/// Finds e-mail addresses in free text (bounce bodies): local@domain.tld, lowercased.
enum EmailScanner {
    static func addresses(in text: String) -> [String] {
        let chars = Array(text.unicodeScalars)
        var found: [String] = []
        for (i, c) in chars.enumerated() where c == "@" {
            var s = i
            while s > 0, isLocal(chars[s - 1]) { s -= 1 }
            var e = i + 1
            while e < chars.count, isDomain(chars[e]) { e += 1 }
            while e > i + 1, chars[e - 1] == "." || chars[e - 1] == "-" { e -= 1 }
            guard s < i, e > i + 1 else { continue }
            let domain = String(String.UnicodeScalarView(chars[(i + 1)..<e]))
            guard domain.contains("."), !domain.hasPrefix(".") else { continue }
            let local = String(String.UnicodeScalarView(chars[s..<i])).trimmingCharacters(in: ["."])
            guard !local.isEmpty else { continue }
            found.append((local + "@" + domain).lowercased())
        }
        return found
    }

    private static func isLocal(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || "._%+-'=".unicodeScalars.contains(c))
    }

    private static func isDomain(_ c: Unicode.Scalar) -> Bool {
        (c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "." || c == "-")) || (!c.isASCII && c.properties.isAlphabetic)
    }
}
