import Foundation

/// HTML body → readable plain text: block elements become line breaks, table cells tabs,
/// entities decoded, scripts, styles, comments (Outlook's conditional ones too) and the head dropped.
/// Good enough to read forward blocks and questions; tables proper are the Documents module's job.
public enum HTMLText {
    /// The visible text of `html`: tags dropped, entities decoded, block ends as line breaks.
    public static func plainText(_ html: String) -> String {
        var out = String.UnicodeScalarView()
        let s = Array(html.unicodeScalars)
        var i = 0
        var skipUntil: String?  // inside <script>, <style>, <head>, <title>: skip to the closing tag
        var pendingSpace = false
        // Once a "<" finds no closing ">", none after it will either: later ones are text.
        // (Rescanning from each would make "<<<<…" quadratic.)
        var tagsExhausted = false

        func newline() {
            pendingSpace = false
            out.append("\n")
        }
        /// Starts a new line unless already at the start of one (rows, list items, Gmail's line divs).
        func lineStart() {
            pendingSpace = false
            if let last = out.last, last != "\n" { out.append("\n") }
        }

        while i < s.count {
            let c = s[i]
            if c == "<" {
                if starts(s, i, "<!--") {
                    i = find(s, from: i + 4, "-->").map { $0 + 3 } ?? s.count
                    continue
                }
                guard !tagsExhausted, let close = findTagEnd(s, from: i + 1) else {
                    if !tagsExhausted, i + 1 < s.count, looksLikeTagStart(s[i + 1]) { tagsExhausted = true }
                    appendText(c, &out, &pendingSpace); i += 1; continue
                }
                let tag = tagName(s, i + 1, close)
                i = close + 1
                if let waiting = skipUntil {
                    if tag.name == waiting && tag.closing { skipUntil = nil }
                    continue
                }
                switch tag.name {
                case "script", "style", "head", "title", "xml":
                    if !tag.closing && !tag.selfClosing { skipUntil = tag.name }
                case "br":
                    newline()
                case "td", "th":
                    // A tab between cells, not before the first one of a row.
                    if !tag.closing, let last = out.last, last != "\n" { out.append("\t"); pendingSpace = false }
                case "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "hr", "pre", "ul", "ol", "dl":
                    newline()
                case "div", "tr", "li", "dt", "dd", "section", "article", "header", "footer", "address", "caption":
                    lineStart()
                default:
                    break
                }
                continue
            }
            if skipUntil != nil { i += 1; continue }
            if c == "&", let (decoded, next) = entity(s, i) {
                for d in decoded { appendText(d, &out, &pendingSpace) }
                i = next
                continue
            }
            appendText(c, &out, &pendingSpace)
            i += 1
        }
        return tidy(String(out))
    }

    /// The charset an HTML document names in a <meta> tag within its first 2 KB, if any.
    public static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(2048).map { $0 < 0x80 ? $0 : UInt8(ascii: " ") }, as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset=") else { return nil }
        let value = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        let label = value.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return label.isEmpty ? nil : String(label)
    }

    /// Source whitespace collapses to one space; no-break spaces are kept as spaces.
    private static func appendText(_ c: Unicode.Scalar, _ out: inout String.UnicodeScalarView, _ pendingSpace: inout Bool) {
        if c == " " || c == "\n" || c == "\r" || c == "\t" || c == "\u{0C}" {
            pendingSpace = true
            return
        }
        if pendingSpace, let last = out.last, last != "\n", last != "\t", last != " " { out.append(" ") }
        pendingSpace = false
        out.append(c == "\u{A0}" ? " " : c)
    }

    /// Trims every line and leaves at most one empty line in a row.
    private static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var trimmed = raw
            while trimmed.first == " " { trimmed.removeFirst() }
            while trimmed.last == " " { trimmed.removeLast() }
            if trimmed.allSatisfy({ $0 == " " || $0 == "\t" }) {
                if let last = lines.last, last.isEmpty { continue }
                lines.append("")
            } else {
                lines.append(trimmed)
            }
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    private struct Tag { var name: String; var closing: Bool; var selfClosing: Bool }

    private static func tagName(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Tag {
        var i = start
        var closing = false
        if i < end, s[i] == "/" { closing = true; i += 1 }
        var name = ""
        while i < end, s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]) || s[i] == ":" {
            name.unicodeScalars.append(s[i]); i += 1
        }
        let selfClosing = end > start && s[end - 1] == "/"
        // Namespaced Office tags (o:p, v:shape) count as their local name.
        if let colon = name.lastIndex(of: ":") { name = String(name[name.index(after: colon)...]) }
        return Tag(name: name.lowercased(), closing: closing, selfClosing: selfClosing)
    }

    /// The ">" ending a tag, skipping quoted attribute values; nil if "<" does not start a tag.
    private static func looksLikeTagStart(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || c == "/" || c == "!" || c == "?"
    }

    private static func findTagEnd(_ s: [Unicode.Scalar], from: Int) -> Int? {
        guard from < s.count, looksLikeTagStart(s[from]) else { return nil }
        var quote: Unicode.Scalar?
        var i = from
        while i < s.count {
            let c = s[i]
            if let q = quote { if c == q { quote = nil } } else if c == "\"" || c == "'" { quote = c } else if c == ">" { return i }
            i += 1
        }
        return nil
    }

    private static func starts(_ s: [Unicode.Scalar], _ i: Int, _ prefix: String) -> Bool {
        var k = i
        for p in prefix.unicodeScalars {
            guard k < s.count, s[k] == p else { return false }
            k += 1
        }
        return true
    }

    private static func find(_ s: [Unicode.Scalar], from: Int, _ needle: String) -> Int? {
        var i = from
        while i < s.count {
            if starts(s, i, needle) { return i }
            i += 1
        }
        return nil
    }

    private static func entity(_ s: [Unicode.Scalar], _ i: Int) -> ([Unicode.Scalar], Int)? {
        var j = i + 1
        var name = ""
        while j < s.count, j - i <= 32, s[j] != ";" {
            guard s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) || s[j] == "#" else { return nil }
            name.unicodeScalars.append(s[j]); j += 1
        }
        guard j < s.count, s[j] == ";", !name.isEmpty else { return nil }
        if name.hasPrefix("#") {
            let body = name.dropFirst()
            let value = body.hasPrefix("x") || body.hasPrefix("X") ? UInt32(body.dropFirst(), radix: 16) : UInt32(body)
            guard let v = value, let scalar = Unicode.Scalar(v), v != 0 else { return (["\u{FFFD}"], j + 1) }
            return ([scalar], j + 1)
        }
        guard let scalar = HTMLEntities.named[name] else { return nil }
        return ([scalar], j + 1)
    }
}
