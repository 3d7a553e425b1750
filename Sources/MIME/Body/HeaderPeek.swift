/// The top header of a message the parser refused (over a limit, damaged), read leniently so
/// that the sender can still be told why and DSHR sees who sent what: only the header section,
/// at most `maxBytes`, every line cut to `maxLineBytes`, at most `maxLines` lines.
public enum HeaderPeek {
    /// The most header bytes read.
    public static let maxBytes = 256 * 1024
    /// Lines are cut here (RFC 5322 §2.1.1's limit).
    public static let maxLineBytes = 998
    /// The most header lines read.
    public static let maxLines = 2_000

    /// The header as a message without a body; nil when nothing header-like is there.
    public static func header(of raw: [UInt8]) -> ParsedMessage? {
        var clean: [UInt8] = []
        clean.reserveCapacity(min(raw.count, maxBytes) + 4)
        var lineStart = 0
        var lines = 0
        var index = 0
        let end = min(raw.count, maxBytes)
        while index < end, lines < maxLines {
            guard raw[index] == 0x0A || index == end - 1 else { index += 1; continue }
            var lineEnd = raw[index] == 0x0A ? index : index + 1
            if lineEnd > lineStart, raw[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if lineEnd == lineStart { break }  // the empty line: the body starts
            let kept = raw[lineStart..<min(lineEnd, lineStart + maxLineBytes)].filter { $0 != 0 && $0 != 0x0D }
            clean.append(contentsOf: kept)
            clean.append(contentsOf: [0x0D, 0x0A])
            lines += 1
            index += 1
            lineStart = index
        }
        guard !clean.isEmpty else { return nil }
        clean.append(contentsOf: [0x0D, 0x0A])
        var limits = MIMELimits.default
        limits.maxHeaderLineLength = maxLineBytes + 2
        return try? MessageParser(limits: limits).parse(clean)
    }
}
