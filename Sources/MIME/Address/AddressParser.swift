/// Parses address lists (RFC 5322 §3.4) as real clients write them: display names quoted or not,
/// encoded words (also inside quotes), comments, quoted local parts, groups, `addr (Name)`,
/// a bare address, and Outlook's `Name [mailto:addr]` in quoted forward blocks.
public enum AddressParser {
    /// Parses the raw field text (encoded words still in place, so a comma inside one cannot split).
    public static func parseList(_ text: String) -> [Mailbox] {
        var state = State()
        let s = Array(text.unicodeScalars)
        var i = 0
        while i < s.count {
            let c = s[i]
            switch c {
            case "\"":
                let (content, next) = readQuoted(s, from: i)
                state.words.append(content)
                state.spec.append("\"" + content + "\"")
                i = next
            case "(":
                let (content, next) = readComment(s, from: i)
                state.comments.append(content)
                i = next
            case "<", "[":
                let close: Unicode.Scalar = c == "<" ? ">" : "]"
                var j = i + 1
                var content = String.UnicodeScalarView()
                while j < s.count, s[j] != close { content.append(s[j]); j += 1 }
                var inner = String(content).trimmingWhitespace()
                if c == "[" {
                    guard inner.lowercased().hasPrefix("mailto:") else {
                        state.words.append(String(content)); i = j + 1; continue
                    }
                    inner = String(inner.dropFirst(7))
                }
                if let colon = inner.lastIndex(of: ":"), inner.hasPrefix("@") { inner = String(inner[inner.index(after: colon)...]) }  // obsolete route
                state.angle = inner.trimmingWhitespace()
                i = j + 1
            case ",":
                state.finishMailbox()
                i += 1
            case ";":
                state.finishMailbox()
                state.group = nil
                i += 1
            case ":" where state.angle == nil && state.group == nil && !state.spec.contains("@"):
                state.group = state.displayText()
                state.words = []; state.spec = ""; state.specHasAt = false; state.comments = []
                i += 1
            case " ", "\t", "\r", "\n":
                i += 1
            default:
                var j = i
                var atom = String.UnicodeScalarView()
                while j < s.count, !"\"(<[,; \t\r\n".unicodeScalars.contains(s[j]) {
                    if s[j] == ":" && state.group == nil && state.angle == nil && !(String(atom) + state.spec).contains("@") { break }
                    atom.append(s[j]); j += 1
                }
                if atom.isEmpty { i += 1; continue }  // a lone ":" inside a group
                state.words.append(String(atom))
                // RFC 5322 allows folding white space around the dots of an addr-spec
                // (`a . b@x . kz`, obsolete syntax), never inside an atom: `kazgu u.kz` is not
                // `kazguu.kz`, so the space is kept and the address matches no one.
                let atomHasAt = atom.contains("@")
                if let last = state.spec.unicodeScalars.last, i > 0, " \t\r\n".unicodeScalars.contains(s[i - 1]),
                   last != ".", last != "@", atom.first != ".", atom.first != "@", state.specHasAt || atomHasAt {
                    state.spec.append(" ")
                }
                if atomHasAt { state.specHasAt = true }
                state.spec.append(String(atom))
                i = j
            }
        }
        state.finishMailbox()
        return state.result
    }

    /// The first mailbox of a field, if any.
    public static func parseFirst(_ text: String) -> Mailbox? { parseList(text).first }

    private struct State {
        var words: [String] = []
        var spec = ""           // the same tokens without spaces: an addr-spec when there is no <...>
        var specHasAt = false
        var comments: [String] = []
        var angle: String?
        var group: String?
        var result: [Mailbox] = []

        func displayText() -> String {
            // Decoded as one string: adjacent encoded words join without the space, even across quotes.
            EncodedWords.decode(words.joined(separator: " ")).trimmingWhitespace()
        }

        mutating func finishMailbox() {
            defer { words = []; spec = ""; specHasAt = false; comments = []; angle = nil }
            let commentName = comments.map { EncodedWords.decode($0).trimmingWhitespace() }.first { !$0.isEmpty }
            if let angle {
                let name = displayText()
                let display = name.isEmpty ? commentName : name
                if !angle.isEmpty || display != nil {
                    result.append(Mailbox(displayName: display.flatMap { $0.isEmpty ? nil : $0 }, address: angle, group: group))
                }
            } else if spec.contains("@") {
                result.append(Mailbox(displayName: commentName, address: spec, group: group))
            } else if !words.isEmpty {
                // A name with no address: kept, because forward blocks sometimes give only that.
                result.append(Mailbox(displayName: displayText(), address: "", group: group))
            }
        }
    }

    private static func readQuoted(_ s: [Unicode.Scalar], from start: Int) -> (String, Int) {
        var out = String.UnicodeScalarView()
        var i = start + 1
        while i < s.count {
            if s[i] == "\\", i + 1 < s.count { out.append(s[i + 1]); i += 2; continue }
            if s[i] == "\"" { return (String(out), i + 1) }
            out.append(s[i]); i += 1
        }
        return (String(out), i)
    }

    private static func readComment(_ s: [Unicode.Scalar], from start: Int) -> (String, Int) {
        var out = String.UnicodeScalarView()
        var depth = 0
        var i = start
        while i < s.count {
            let c = s[i]
            if c == "\\", i + 1 < s.count { out.append(s[i + 1]); i += 2; continue }
            if c == "(" { depth += 1; if depth > 1 { out.append(c) }; i += 1; continue }
            if c == ")" { depth -= 1; if depth == 0 { return (String(out), i + 1) }; out.append(c); i += 1; continue }
            out.append(c); i += 1
        }
        return (String(out), i)
    }
}
