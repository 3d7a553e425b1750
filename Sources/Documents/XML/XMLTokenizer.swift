#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small pull tokenizer for the XML inside office files (OOXML, ODF).
///
/// Why not Foundation's XMLParser: it is slow on 10 MB sheets and resolves entities. This one
/// works on bytes, never expands anything but the five predefined entities and numeric
/// references, and refuses any document type declaration (`<!DOCTYPE`, `<!ENTITY`) outright –
/// office files never need one, and it is the door for XXE and entity-expansion bombs.
/// It is tolerant where tolerance is harmless (unknown `<?…?>`, comments) and strict where a
/// mistake could loop or blow up (unterminated constructs end the document; nesting is capped).
///
/// It reads either a whole document in memory or one pulled from an `XMLByteSource` (a zip
/// member being inflated): then `bytes` is a window that holds the token being read and what
/// follows, so a 60 MB worksheet costs a few hundred kilobytes. Token ranges index `bytes` and
/// stay valid until the next call to `next()`.
struct XMLTokenizer {
    private(set) var bytes: [UInt8]
    private var position = 0
    private var depth = 0
    private let maxDepth: Int
    /// The part's name inside the archive, for error messages.
    let partName: String
    /// Attributes of the last `.start` token (storage reused between tags).
    private(set) var attributes: [XMLAttribute] = []
    /// Where more of the document comes from; nil once everything is in `bytes`.
    private var source: (any XMLByteSource)?
    private let windowSize: Int
    /// The longest unfinished token a streaming window may hold: a text node or attribute of
    /// hundreds of megabytes (highly compressible) would otherwise grow the window with it.
    private let maxTokenBytes: Int
    /// Bytes of the document dropped from the front of the window (for error positions).
    private var windowOffset = 0
    private var sawFirstBytes = false

    init(bytes: [UInt8], partName: String, maxDepth: Int) {
        self.bytes = bytes
        self.partName = partName
        self.maxDepth = maxDepth
        windowSize = bytes.count
        maxTokenBytes = Int.max  // the document is in memory already
        attributes.reserveCapacity(16)
        skipByteOrderMark()
    }

    /// Reads the document from `source`, `windowSize` bytes at a time.
    init(source: any XMLByteSource, partName: String, maxDepth: Int, windowSize: Int = 256 * 1024,
         maxTokenBytes: Int = 1 << 20) {
        bytes = []
        self.source = source
        self.partName = partName
        self.maxDepth = maxDepth
        self.windowSize = max(1, windowSize)
        self.maxTokenBytes = maxTokenBytes
        attributes.reserveCapacity(16)
    }

    /// The next token, or nil at the end of the document.
    mutating func next() throws(DocumentError) -> XMLToken? {
        while true {
            if let token = try nextInWindow() { return token }
            guard source != nil else { return nil }
            try refill()
        }
    }

    /// Drops what was read from the window and pulls more: at least as much as the unfinished
    /// token already holds, so a huge text or comment is rescanned a logarithmic number of times.
    private mutating func refill() throws(DocumentError) {
        guard let source else { return }
        let pending = bytes.count - position
        if pending > maxTokenBytes {
            throw DocumentError(.unsafeArchive,
                "\(partName) holds a single XML token (text or tag) of more than \(pending) bytes "
                + "(maximum \(maxTokenBytes), limits.max_xml_token_bytes); it was not read further.")
        }
        if position > 0 {
            bytes.removeSubrange(0..<position)
            windowOffset += position
            position = 0
        }
        if bytes.capacity < pending + windowSize { bytes.reserveCapacity(pending + windowSize) }
        let appended = try source.read(appendingTo: &bytes, atLeast: max(windowSize, pending))
        if appended == 0 { self.source = nil }
        if !sawFirstBytes, bytes.count >= 3 || self.source == nil {
            sawFirstBytes = true
            skipByteOrderMark()
        }
    }

    private mutating func skipByteOrderMark() {
        if position == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    /// The next token in the window; nil at the end of the document, or – while more can come
    /// from the source – when the window ends inside the next token (the position stays at its start).
    private mutating func nextInWindow() throws(DocumentError) -> XMLToken? {
        let count = bytes.count
        let isFinal = source == nil
        if !isFinal && !sawFirstBytes { return nil }
        while position < count {
            if bytes[position] != UInt8(ascii: "<") {
                return scanText(isFinal: isFinal)
            }
            // Markup.
            let next = position + 1 < count ? bytes[position + 1] : 0
            if !isFinal {
                if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") {
                    if !markupIsComplete() { return nil }
                } else {
                    return try scanTagInWindow(isEnd: next == UInt8(ascii: "/"))
                }
            }
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

    /// A start or end tag while more of the document may come: scanned straight away, as nearly
    /// every tag lies whole in the window. Scanning a tag stops at the window's end with an error
    /// (never with a token), so only then is it asked whether the tag was cut off: nil (read again
    /// after a refill, from the same position) or the error it is.
    private mutating func scanTagInWindow(isEnd: Bool) throws(DocumentError) -> XMLToken? {
        let start = position
        do {
            return isEnd ? try scanEndTag() : try scanStartTag()
        } catch {
            position = start
            if !markupIsComplete() { return nil }
            throw error
        }
    }

    /// The fast path of a string item (`XLSXRichText`) and a cell's value: with the start tag of
    /// `<si>`, `<is>` or `<c>` just read, `<t>TEXT</t></…>` (or `<v>…</v></c>`) whole in the window – the plain text every writer puts there –
    /// is read at once: the text's range, whether it holds references, and the position past the
    /// parent's end tag, with depth as the four tokens would leave it. Anything else (attributes,
    /// runs, CDATA, a prefix, a tag cut by the window's end, the depth cap) returns nil with
    /// nothing moved, for the tokens to read it.
    /// `tag`: the child's one-letter name (`t`, or `v` for a cell's value); `parent`: the local
    /// name the closing tag must have (nil: any, as a string item's reader accepts).
    mutating func plainTextElement(tag: UInt8 = UInt8(ascii: "t"), parent: StaticString? = nil) -> (text: Range<Int>, hasReferences: Bool)? {
        let count = bytes.count
        guard depth + 1 <= maxDepth, position + 3 <= count, bytes[position] == UInt8(ascii: "<"),
              bytes[position + 1] == tag, bytes[position + 2] == UInt8(ascii: ">") else { return nil }
        let textStart = position + 3
        let found: (end: Int, hasReferences: Bool)? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, textStart <= buffer.count,
                  let lessThan = memchr(base + textStart, Int32(UInt8(ascii: "<")), buffer.count - textStart) else { return nil }
            let end = base.distance(to: lessThan.assumingMemoryBound(to: UInt8.self))
            return (end, memchr(base + textStart, Int32(UInt8(ascii: "&")), end - textStart) != nil)
        }
        guard let found else { return nil }
        // `</t>` and then the parent's end tag `</name>` (a name without spaces, `/` or `=`).
        var index = found.end
        guard index + 6 <= count, bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == tag,
              bytes[index + 3] == UInt8(ascii: ">"), bytes[index + 4] == UInt8(ascii: "<"),
              bytes[index + 5] == UInt8(ascii: "/") else { return nil }
        index += 6
        let nameStart = index
        while index < count, bytes[index] != UInt8(ascii: ">") {
            let byte = bytes[index]
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=") || byte == 0x20 || byte == 0x0A || byte == 0x09
                || byte == 0x0D || byte == UInt8(ascii: "<") { return nil }
            index += 1
        }
        guard index < count else { return nil }
        if let parent, !isLocal(nameStart..<index, parent) { return nil }
        position = index + 1
        depth = max(0, depth - 1)
        return (textStart..<found.end, found.hasReferences)
    }

    // MARK: - Text

    /// Text up to the next `<`; nil when the window ends first and more may come.
    private mutating func scanText(isFinal: Bool) -> XMLToken? {
        let start = position
        let (end, hasReferences) = bytes.withUnsafeBufferPointer { buffer -> (Int, Bool) in
            guard let base = buffer.baseAddress else { return (start, false) }
            let rest = buffer.count - start
            let end = memchr(base + start, Int32(UInt8(ascii: "<")), rest)
                .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? buffer.count
            return (end, memchr(base + start, Int32(UInt8(ascii: "&")), end - start) != nil)
        }
        if end == bytes.count && !isFinal { return nil }
        position = end
        return .text(start..<end, hasReferences: hasReferences)
    }

    /// Whether the markup at `position` ends inside the window: a tag's `>` outside quoted
    /// values, a comment's `-->`, a CDATA section's `]]>`, an instruction's `?>`.
    private func markupIsComplete() -> Bool {
        let count = bytes.count
        guard position + 1 < count else { return false }
        switch bytes[position + 1] {
        case UInt8(ascii: "?"):
            return find(Array("?>".utf8)) != nil
        case UInt8(ascii: "!"):
            // Enough bytes to tell a comment or CDATA from a declaration (which is refused at once).
            guard count - position >= 9 else { return false }
            if matches("<!--") { return find(Array("-->".utf8)) != nil }
            if matches("<![CDATA[") { return find(Array("]]>".utf8)) != nil }
            return true
        default:
            var quote: UInt8 = 0
            var index = position + 1
            while index < count {
                let byte = bytes[index]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == UInt8(ascii: ">") {
                    return true
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                }
                index += 1
            }
            return false
        }
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
        // Scanned on the buffer with locals (the value is short; a loop over `self` kept its
        // flag in memory).
        let (end, hasReferences) = bytes.withUnsafeBufferPointer { buffer -> (Int, Bool) in
            var index = valueStart
            var references = false
            while index < buffer.count {
                let byte = buffer[index]
                if byte == quote { break }
                references = references || byte == UInt8(ascii: "&")
                index += 1
            }
            return (index, references)
        }
        position = end
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
            "\(partName) is not well-formed XML (\(what) at byte \(windowOffset + position)); the file looks damaged.")
    }

    private func tooDeep() -> DocumentError {
        DocumentError(.unsafeArchive,
            "\(partName) nests elements deeper than \(maxDepth) levels (maximum \(maxDepth)); "
            + "real office files stay far below that.")
    }
}
