/// A small pull tokenizer for the XML inside office files (OOXML, ODF).
///
/// Why not Foundation's XMLParser: it is slow on 10 MB sheets and resolves entities. This one
/// works on bytes, never expands anything but the five predefined entities and numeric
/// references, and refuses any document type declaration (`<!DOCTYPE`, `<!ENTITY`) outright –
/// office files never need one, and it is the door for XXE and entity-expansion bombs.
/// It is tolerant where tolerance is harmless (unknown `<?…?>`, comments) and strict where a
/// mistake could loop or blow up (unterminated constructs end the document; nesting is capped).
struct XMLTokenizer {
    let bytes: [UInt8]
    private var position = 0
    private var depth = 0
    private let maxDepth: Int
    /// The part's name inside the archive, for error messages.
    let partName: String
    /// Attributes of the last `.start` token (storage reused between tags).
    private(set) var attributes: [XMLAttribute] = []

    init(bytes: [UInt8], partName: String, maxDepth: Int) {
        self.bytes = bytes
        self.partName = partName
        self.maxDepth = maxDepth
        attributes.reserveCapacity(16)
        // Skip a UTF-8 byte order mark.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    /// The next token, or nil at the end of the document.
    mutating func next() throws(DocumentError) -> XMLToken? {
        let count = bytes.count
        while position < count {
            if bytes[position] != UInt8(ascii: "<") {
                return scanText()
            }
            // Markup.
            let next = position + 1 < count ? bytes[position + 1] : 0
            switch next {
            case UInt8(ascii: "/"):
                return try scanEndTag()
            case UInt8(ascii: "?"):
                skip(past: [UInt8(ascii: "?"), UInt8(ascii: ">")])
            case UInt8(ascii: "!"):
                if let token = try scanBang() { return token }
            default:
                return try scanStartTag()
            }
        }
        return nil
    }

    // MARK: - Text

    private mutating func scanText() -> XMLToken {
        let start = position
        var hasReferences = false
        let count = bytes.count
        var index = position
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") { break }
            if byte == UInt8(ascii: "&") { hasReferences = true }
            index += 1
        }
        position = index
        return .text(start..<index, hasReferences: hasReferences)
    }

    // MARK: - Tags

    private mutating func scanStartTag() throws(DocumentError) -> XMLToken {
        position += 1  // "<"
        let nameStart = position
        scanName()
        let name = nameStart..<position
        guard !name.isEmpty else { throw malformed("an element without a name") }
        attributes.removeAll(keepingCapacity: true)
        let count = bytes.count
        while true {
            skipWhitespace()
            guard position < count else { throw malformed("an unterminated start tag") }
            let byte = bytes[position]
            if byte == UInt8(ascii: ">") {
                position += 1
                depth += 1
                if depth > maxDepth { throw tooDeep() }
                return .start(name: name, selfClosing: false)
            }
            if byte == UInt8(ascii: "/") {
                guard position + 1 < count, bytes[position + 1] == UInt8(ascii: ">") else {
                    throw malformed("a stray '/' in a start tag")
                }
                position += 2
                if depth + 1 > maxDepth { throw tooDeep() }
                return .start(name: name, selfClosing: true)
            }
            try scanAttribute()
        }
    }

    private mutating func scanAttribute() throws(DocumentError) {
        let nameStart = position
        scanName()
        let name = nameStart..<position
        guard !name.isEmpty else { throw malformed("an attribute without a name") }
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
            throw malformed("an attribute without a value")
        }
        position += 1
        skipWhitespace()
        guard position < bytes.count else { throw malformed("an unterminated attribute") }
        let quote = bytes[position]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            throw malformed("an unquoted attribute value")
        }
        position += 1
        let valueStart = position
        var hasReferences = false
        while position < bytes.count, bytes[position] != quote {
            if bytes[position] == UInt8(ascii: "&") { hasReferences = true }
            position += 1
        }
        guard position < bytes.count else { throw malformed("an unterminated attribute value") }
        attributes.append(XMLAttribute(name: name, value: valueStart..<position, hasReferences: hasReferences))
        position += 1
    }

    private mutating func scanEndTag() throws(DocumentError) -> XMLToken {
        position += 2  // "</"
        let nameStart = position
        scanName()
        let name = nameStart..<position
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else {
            throw malformed("an unterminated end tag")
        }
        position += 1
        depth = max(0, depth - 1)
        return .end(name: name)
    }

    /// `<!--…-->`, `<![CDATA[…]]>`, and the refused `<!DOCTYPE` / `<!ENTITY`.
    private mutating func scanBang() throws(DocumentError) -> XMLToken? {
        if matches("<!--") {
            position += 4
            skip(past: Array("-->".utf8))
            return nil
        }
        if matches("<![CDATA[") {
            position += 9
            let start = position
            let end = find(Array("]]>".utf8)) ?? bytes.count
            position = min(bytes.count, end + 3)
            return .cdata(start..<end)
        }
        // Anything else after "<!" is a declaration (DOCTYPE, ENTITY, ELEMENT, ATTLIST…).
        throw DocumentError(.unsafeArchive,
            "\(partName) declares a document type or entities (<!DOCTYPE/<!ENTITY); "
            + "office files never need one, so it is refused as an XML entity attack. "
            + "Re-save the file from Excel, LibreOffice or Word and send it again.")
    }

    // MARK: - Scanning helpers

    private mutating func scanName() {
        let count = bytes.count
        while position < count {
            let byte = bytes[position]
            if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
                || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
                || byte == UInt8(ascii: "\r") {
                return
            }
            position += 1
        }
    }

    private mutating func skipWhitespace() {
        let count = bytes.count
        while position < count {
            let byte = bytes[position]
            guard byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D else { return }
            position += 1
        }
    }

    private func matches(_ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard position + length <= bytes.count else { return false }
        return literal.withUTF8Buffer { buffer in
            for offset in 0..<length where bytes[position + offset] != buffer[offset] { return false }
            return true
        }
    }

    private func find(_ needle: [UInt8]) -> Int? {
        guard let first = needle.first else { return position }
        var index = position
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var offset = 1
                while offset < needle.count, bytes[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return index }
            }
            index += 1
        }
        return nil
    }

    private mutating func skip(past needle: [UInt8]) {
        if let found = find(needle) {
            position = found + needle.count
        } else {
            position = bytes.count
        }
    }

    private func malformed(_ what: String) -> DocumentError {
        DocumentError(.encryptedOrCorrupt,
            "\(partName) is not well-formed XML (\(what) at byte \(position)); the file looks damaged.")
    }

    private func tooDeep() -> DocumentError {
        DocumentError(.unsafeArchive,
            "\(partName) nests elements deeper than \(maxDepth) levels (limit maxXMLDepth = \(maxDepth)); "
            + "real office files stay far below that.")
    }
}
