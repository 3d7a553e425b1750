/// Turns the bytes an SMTP server sends into replies, however they are split across reads.
/// Pure: bytes in, values out; every buffer bounded by `SMTPLimits`.
///
/// RFC 5321 §4.2: "250-text" continues a reply, "250 text" (or a bare "250") ends it; every
/// line of one reply carries the same code. Bare LF is accepted as a line end.
struct SMTPReplyParser {
    enum Failure: Error, Equatable {
        case lineTooLong(actual: Int, maximum: Int)
        case tooManyLines(actual: Int, maximum: Int)
        case malformed(reason: String, excerpt: String)
    }

    let limits: SMTPLimits
    private var buffer: [UInt8] = []
    /// Bytes of `buffer` before this index are consumed.
    private var start = 0
    private var code: Int?
    private var lines: [String] = []

    init(limits: SMTPLimits = SMTPLimits()) {
        self.limits = limits
    }

    mutating func append(_ bytes: some Sequence<UInt8>) {
        if start > 0, start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete reply, or nil when more bytes are needed. After a thrown failure the
    /// stream cannot be trusted: the caller ends the session.
    mutating func next() throws(Failure) -> SMTPReply? {
        while let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
            var end = newline
            if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let length = end - start
            guard length <= limits.maxReplyLineBytes else {
                throw .lineTooLong(actual: length, maximum: limits.maxReplyLineBytes)
            }
            let line = buffer[start..<end]
            start = newline + 1
            if let reply = try take(line) { compact(); return reply }
        }
        let pending = buffer.count - start
        if pending > limits.maxReplyLineBytes {
            throw .lineTooLong(actual: pending, maximum: limits.maxReplyLineBytes)
        }
        compact()
        return nil
    }

    /// One line without its line end; returns the reply it completes.
    private mutating func take(_ line: ArraySlice<UInt8>) throws(Failure) -> SMTPReply? {
        let excerpt = String(decoding: line.prefix(80), as: UTF8.self)
        guard line.count >= 3 else { throw .malformed(reason: "a reply line shorter than a code", excerpt: excerpt) }
        let digits = line.prefix(3)
        guard digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let first = digits.first, (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(first)
        else { throw .malformed(reason: "a reply line without a three-digit code", excerpt: excerpt) }
        let lineCode = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        let separator = line.dropFirst(3).first
        guard separator == nil || separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
            throw .malformed(reason: "a reply code followed by neither space nor hyphen", excerpt: excerpt)
        }
        if let code, code != lineCode {
            throw .malformed(reason: "a multi-line reply whose lines carry different codes (\(code), \(lineCode))",
                             excerpt: excerpt)
        }
        guard lines.count < limits.maxReplyLines else {
            throw .tooManyLines(actual: lines.count + 1, maximum: limits.maxReplyLines)
        }
        code = lineCode
        lines.append(String(decoding: line.dropFirst(4), as: UTF8.self))
        guard separator != UInt8(ascii: "-") else { return nil }
        defer { code = nil; lines.removeAll() }
        return SMTPReply(code: lineCode, lines: lines)
    }

    /// Drops consumed bytes once they are the larger part, so the buffer stays bounded by one
    /// read plus one partial line.
    private mutating func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 4096, start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
    }
}
