/// Finds the parts of a multipart body (RFC 2046 §5.1.1): delimiter lines "--boundary" at the
/// start of a line, optionally followed by whitespace; "--boundary--" closes. The line break
/// before a delimiter belongs to the delimiter. Preamble and epilogue are dropped.
struct BoundarySplitter {
    let boundary: [UInt8]
    let limits: MIMELimits

    struct Result {
        var parts: [Range<Int>]
        /// False when the closing delimiter never came: the last part runs to the end.
        var closed: Bool
    }

    func split(_ bytes: [UInt8], range: Range<Int>, partsSoFar: Int) throws(MIMEError) -> Result {
        let dash = UInt8(ascii: "-")
        let delimiter = [dash, dash] + boundary
        var parts: [Range<Int>] = []
        var partStart: Int?
        var lineStart = range.lowerBound
        let end = range.upperBound
        while lineStart < end {
            let lf = ByteSearch.firstIndex(of: 0x0A, in: bytes, from: lineStart, to: end)
            let lineEnd = lf ?? end
            if bytes[lineStart] == dash, ByteSearch.hasPrefix(bytes, at: lineStart, end: lineEnd, delimiter) {
                var k = lineStart + delimiter.count
                let isClose = ByteSearch.hasPrefix(bytes, at: k, end: lineEnd, [dash, dash])
                if isClose { k += 2 }
                // Only transport padding may follow; "--boundaryX" is a different boundary.
                var rest = k
                while rest < lineEnd, bytes[rest] == 0x20 || bytes[rest] == 0x09 || bytes[rest] == 0x0D { rest += 1 }
                if rest == lineEnd {
                    if let start = partStart {
                        parts.append(start..<max(start, bodyEnd(bytes, before: lineStart, floor: start)))
                        try limits.check(.parts, partsSoFar + parts.count, limits.maxParts)
                    }
                    if isClose { return Result(parts: parts, closed: true) }
                    partStart = lf.map { $0 + 1 } ?? end
                }
            }
            guard let lf else { break }
            lineStart = lf + 1
        }
        if let start = partStart { parts.append(start..<end) }
        return Result(parts: parts, closed: false)
    }

    /// The end of a part's body: the line break before the delimiter line is not part of it.
    private func bodyEnd(_ bytes: [UInt8], before lineStart: Int, floor: Int) -> Int {
        var e = lineStart
        if e > floor, bytes[e - 1] == 0x0A { e -= 1 }
        if e > floor, bytes[e - 1] == 0x0D { e -= 1 }
        return e
    }
}
