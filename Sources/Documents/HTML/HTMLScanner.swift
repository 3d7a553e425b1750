/// Splits HTML into text runs and tags, tolerant of everything mail clients produce:
/// unquoted attributes, stray `<`, comments and conditional comments, `<script>`/`<style>`
/// bodies (skipped), and a document that just stops.
struct HTMLScanner {
    enum Item {
        case text(Range<Int>)
        case tag(HTMLTag)
    }

    let bytes: [UInt8]
    private var position = 0

    init(_ html: String) { bytes = Array(html.utf8) }

    mutating func next() -> Item? {
        // Declarations and comments are skipped in a loop (not by recursion: a body of a
        // million comments must not exhaust the stack).
        while position + 1 < bytes.count, bytes[position] == UInt8(ascii: "<"),
              bytes[position + 1] == UInt8(ascii: "!") || bytes[position + 1] == UInt8(ascii: "?") {
            skipDeclaration()
        }
        guard position < bytes.count else { return nil }
        if bytes[position] != UInt8(ascii: "<") {
            let start = position
            while position < bytes.count, bytes[position] != UInt8(ascii: "<") { position += 1 }
            return .text(start..<position)
        }
        let start = position
        let following = position + 1 < bytes.count ? bytes[position + 1] : 0
        let isEnd = following == UInt8(ascii: "/")
        let nameStart = position + (isEnd ? 2 : 1)
        guard nameStart < bytes.count, isLetter(bytes[nameStart]) else {
            position += 1  // a literal "<" in text
            return .text(start..<position)
        }
        position = nameStart
        while position < bytes.count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">"),
              bytes[position] != UInt8(ascii: "/") {
            position += 1
        }
        let name = String(decoding: bytes[nameStart..<position], as: UTF8.self).lowercased()
        let attributes = scanAttributes()
        let tag = HTMLTag(name: name, isEnd: isEnd, attributes: attributes)
        if !isEnd, name == "script" || name == "style" || name == "xml" { skipRawText(until: name) }
        return .tag(tag)
    }

    private mutating func scanAttributes() -> [String: String] {
        var attributes: [String: String] = [:]
        while position < bytes.count {
            while position < bytes.count, isSpace(bytes[position]) || bytes[position] == UInt8(ascii: "/") {
                position += 1
            }
            guard position < bytes.count, bytes[position] != UInt8(ascii: ">") else { break }
            let nameStart = position
            while position < bytes.count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: "="),
                  bytes[position] != UInt8(ascii: ">") {
                position += 1
            }
            let name = String(decoding: bytes[nameStart..<position], as: UTF8.self).lowercased()
            var value = ""
            while position < bytes.count, isSpace(bytes[position]) { position += 1 }
            if position < bytes.count, bytes[position] == UInt8(ascii: "=") {
                position += 1
                while position < bytes.count, isSpace(bytes[position]) { position += 1 }
                if position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") {
                    let quote = bytes[position]
                    position += 1
                    let valueStart = position
                    while position < bytes.count, bytes[position] != quote { position += 1 }
                    value = String(decoding: bytes[valueStart..<position], as: UTF8.self)
                    if position < bytes.count { position += 1 }
                } else {
                    let valueStart = position
                    while position < bytes.count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">") {
                        position += 1
                    }
                    value = String(decoding: bytes[valueStart..<position], as: UTF8.self)
                }
            }
            if !name.isEmpty, attributes.count < 64 { attributes[name] = value }
        }
        if position < bytes.count { position += 1 }  // ">"
        return attributes
    }

    /// `<!-- … -->`, `<!DOCTYPE …>`, `<![if …]>`, `<?xml …?>`.
    private mutating func skipDeclaration() {
        if position + 3 < bytes.count, bytes[position + 2] == UInt8(ascii: "-"), bytes[position + 3] == UInt8(ascii: "-") {
            position += 4
            while position + 2 < bytes.count,
                  !(bytes[position] == UInt8(ascii: "-") && bytes[position + 1] == UInt8(ascii: "-")
                    && bytes[position + 2] == UInt8(ascii: ">")) {
                position += 1
            }
            position = min(bytes.count, position + 3)
            return
        }
        while position < bytes.count, bytes[position] != UInt8(ascii: ">") { position += 1 }
        position = min(bytes.count, position + 1)
    }

    private mutating func skipRawText(until name: String) {
        let closing = Array("</\(name)".utf8)
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "<"), position + closing.count <= bytes.count,
               zip(bytes[position..<(position + closing.count)], closing).allSatisfy({ lower($0) == $1 }) {
                return
            }
            position += 1
        }
    }

    private func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
    private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }
}
