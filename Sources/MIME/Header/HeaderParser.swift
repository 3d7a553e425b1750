/// Splits a header section off raw bytes in one pass (RFC 5322 §2.2), enforcing the header limits.
/// Accepts CRLF and bare LF line ends, since stored and forwarded mail often has LF only.
struct HeaderParser {
    let limits: MIMELimits

    struct Result {
        var header: HeaderSection
        /// Index of the first body byte (after the empty line), or the end of the range.
        var bodyStart: Int
        var defects: [MIMEDefect.Kind]
    }

    /// `requireHeader`: a message must start with a header field; a MIME part may have none
    /// (sloppy mailers omit the empty line too), and then its body starts at once.
    func parse(_ bytes: [UInt8], range: Range<Int>, requireHeader: Bool) throws(MIMEError) -> Result {
        var fields: [HeaderField] = []
        var defects: [MIMEDefect.Kind] = []
        var current: (name: String, value: [UInt8])?
        var i = range.lowerBound
        let end = range.upperBound
        var first = true
        var sawEmptyLine = false

        func finish() {
            if let c = current { fields.append(HeaderField(name: c.name, rawValue: trimmed(c.value))) }
            current = nil
        }

        while i < end {
            try limits.check(.headerBytes, i - range.lowerBound, limits.maxHeaderBytes)
            let lineEnd = try findLineEnd(bytes, from: i, end: end)
            var contentEnd = lineEnd
            if contentEnd > i, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let next = lineEnd < end ? lineEnd + 1 : end
            defer { first = false }
            if contentEnd == i {  // the empty line ends the header section
                i = next
                sawEmptyLine = true
                break
            }
            let lead = bytes[i]
            if lead == 0x20 || lead == 0x09 {
                // Folded continuation: unfolding removes only the line break.
                if current != nil { current?.value.append(contentsOf: bytes[i..<contentEnd]) }
                i = next
                continue
            }
            if first, requireHeader, isMboxSeparator(bytes, i, contentEnd) {
                i = next  // an mbox "From " separator line, not a header field
                continue
            }
            // RFC 5322 §4.5.1 (obsolete syntax): whitespace may precede the colon ("Subject : x").
            var nameEnd = bytes[i..<contentEnd].firstIndex(of: UInt8(ascii: ":")) ?? i
            let colon = nameEnd
            while nameEnd > i, bytes[nameEnd - 1] == 0x20 || bytes[nameEnd - 1] == 0x09 { nameEnd -= 1 }
            guard nameEnd > i, bytes[i..<nameEnd].allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ":") }) else {
                if first {
                    if requireHeader { throw .notAMessage(reason: "the first line is not a header field") }
                    return Result(header: HeaderSection(fields: []), bodyStart: range.lowerBound, defects: [])
                }
                defects.append(.headerLineWithoutColon)
                i = next
                continue
            }
            finish()
            current = (String(decoding: bytes[i..<nameEnd], as: UTF8.self), Array(bytes[(colon + 1)..<contentEnd]))
            i = next
        }
        finish()
        if !sawEmptyLine { defects.append(.headerWithoutBody) }
        return Result(header: HeaderSection(fields: fields), bodyStart: min(i, end), defects: defects)
    }

    /// The index of the next LF (or `end`); throws when the line grows past the line limit.
    private func findLineEnd(_ bytes: [UInt8], from start: Int, end: Int) throws(MIMEError) -> Int {
        let window = min(end, start + limits.maxHeaderLineLength + 2)
        let found = ByteSearch.firstIndex(of: 0x0A, in: bytes, from: start, to: window)
        if let found { return found }
        if window < end {
            throw .limitExceeded(limit: .headerLineLength, actual: window - start, maximum: limits.maxHeaderLineLength)
        }
        return end
    }

    /// "From sender@host Tue May 12 …" (an mbox separator), but not "From : a@x.kz" (a header).
    private func isMboxSeparator(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        guard end - start >= 5, Array(bytes[start..<(start + 5)]) == Array("From ".utf8) else { return false }
        var k = start + 5
        while k < end, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
        return k < end && bytes[k] != UInt8(ascii: ":")
    }

    private func trimmed(_ value: [UInt8]) -> [UInt8] {
        var s = value.startIndex, e = value.endIndex
        while s < e, value[s] == 0x20 || value[s] == 0x09 { s += 1 }
        while e > s, value[e - 1] == 0x20 || value[e - 1] == 0x09 || value[e - 1] == 0x0D { e -= 1 }
        return Array(value[s..<e])
    }
}
