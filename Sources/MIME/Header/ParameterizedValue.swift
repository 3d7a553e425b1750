import Foundation

/// A header value with parameters: Content-Type and Content-Disposition (RFC 2045 §5.1, RFC 2183),
/// parameters decoded per RFC 2231 (continuations `name*0*=`, charset and percent-encoding) and,
/// as Outlook and Gmail write them, RFC 2047 encoded words inside quotes.
public struct ParameterizedValue: Sendable, Equatable {
    /// The value before the first ";" lowercased ("multipart/mixed", "attachment").
    public let value: String
    /// Parameter names lowercased, values fully decoded, exactly as decoded (never sanitised).
    public let parameters: [String: String]

    /// A value with parameters whose names are already lower-cased.
    public init(value: String, parameters: [String: String]) {
        self.value = value
        self.parameters = parameters
    }

    /// The parameter `name`, case-insensitively (RFC 2045 §5.1); RFC 2231 continuations are already joined.
    public subscript(_ name: String) -> String? { parameters[name.lowercased()] }

    /// Parses the field's raw text (raw 8-bit already decoded to text, encoded words still in place).
    public static func parse(_ text: String) -> ParameterizedValue {
        let pieces = splitOutsideQuotes(text)
        let value = stripComments(pieces.first ?? "").trimmingWhitespace().lowercased()
        var plain: [String: String] = [:]
        // RFC 2231 segments: name → [index: (encoded?, text)]
        var segments: [String: [Int: (Bool, String)]] = [:]
        for piece in pieces.dropFirst() {
            guard let eq = piece.firstIndex(of: "=") else { continue }
            var name = String(piece[..<eq]).trimmingWhitespace().lowercased()
            let rawValue = unquote(String(piece[piece.index(after: eq)...]).trimmingWhitespace())
            guard !name.isEmpty else { continue }
            var encoded = false
            if name.hasSuffix("*") { encoded = true; name.removeLast() }
            if let star = name.lastIndex(of: "*"), let index = Int(name[name.index(after: star)...]) {
                segments[String(name[..<star]), default: [:]][index] = (encoded, rawValue)
            } else if encoded {
                segments[name, default: [:]][0] = (true, rawValue)
            } else if plain[name] == nil {
                plain[name] = rawValue
            }
        }
        var parameters = plain.mapValues { EncodedWords.decode($0) }
        for (name, parts) in segments {
            if let joined = joinSegments(parts) { parameters[name] = joined }  // RFC 2231 wins over the plain form
        }
        return ParameterizedValue(value: value, parameters: parameters)
    }

    /// Joins RFC 2231 segments 0, 1, 2, … (stopping at a gap), decoding percent-escapes of the
    /// encoded ones as bytes in the charset that segment 0 names.
    private static func joinSegments(_ parts: [Int: (Bool, String)]) -> String? {
        var bytes: [UInt8] = []
        var charset: String?
        var index = 0
        while let (encoded, text) = parts[index] {
            var t = Substring(text)
            if index == 0, encoded {
                // charset'language'value
                let quoteParts = t.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if quoteParts.count == 3 {
                    charset = String(quoteParts[0])
                    t = quoteParts[2]
                }
            }
            bytes.append(contentsOf: encoded ? percentDecode(t) : Array(t.utf8))
            index += 1
        }
        guard index > 0 else { return nil }
        let text = Charset.decode(bytes, label: charset?.isEmpty == false ? charset : "utf-8")
        return text.contains("=?") ? EncodedWords.decode(text) : text
    }

    private static func percentDecode(_ s: Substring) -> [UInt8] {
        let u = Array(s.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < u.count {
            if u[i] == UInt8(ascii: "%"), i + 2 < u.count, let h = QuotedPrintable.hexValue(u[i + 1]), let l = QuotedPrintable.hexValue(u[i + 2]) {
                out.append(h << 4 | l); i += 3
            } else {
                out.append(u[i]); i += 1
            }
        }
        return out
    }

    /// Splits on ";" outside double quotes.
    static func splitOutsideQuotes(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        for ch in text {
            if escaped { current.append(ch); escaped = false; continue }
            if inQuotes, ch == "\\" { current.append(ch); escaped = true; continue }  // only \" matters here
            if ch == "\"" { inQuotes.toggle() }
            if ch == ";", !inQuotes { pieces.append(current); current = ""; continue }
            current.append(ch)
        }
        pieces.append(current)
        return pieces
    }

    /// Removes surrounding quotes. Like Python's email.utils, only `\\` and `\"` are escapes: Windows
    /// clients put bare backslashes of paths into quoted names, and those must survive as written.
    /// An unquoted value stays whole (unquoted names with spaces or parentheses are common).
    static func unquote(_ s: String) -> String {
        guard s.first == "\"" else { return s }
        var out = ""
        var chars = s.dropFirst()[...]
        while let ch = chars.first {
            chars = chars.dropFirst()
            if ch == "\\", let next = chars.first, next == "\\" || next == "\"" {
                out.append(next); chars = chars.dropFirst(); continue
            }
            if ch == "\"" { break }
            out.append(ch)
        }
        return out
    }

    static func stripComments(_ s: String) -> String {
        guard s.contains("(") else { return s }
        var out = ""
        var depth = 0
        for ch in s {
            if ch == "(" { depth += 1; continue }
            if ch == ")", depth > 0 { depth -= 1; continue }
            if depth == 0 { out.append(ch) }
        }
        return out
    }
}
