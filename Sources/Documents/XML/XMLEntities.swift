#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only references XML in office files uses: `&lt; &gt; &amp; &quot; &apos;` and
/// `&#NNN; &#xHHHH;`. Anything else is kept literally (there is no DTD that could define it).
/// Works on bytes and writes UTF-8 directly: some writers (openpyxl) encode every non-ASCII
/// letter as `&#NNNN;`, so a big sheet can hold millions of references.
enum XMLEntities {
    static func decode(_ slice: ArraySlice<UInt8>) -> String {
        slice.withUnsafeBufferPointer { input in
            guard let base = input.baseAddress, memchr(base, Int32(UInt8(ascii: "&")), input.count) != nil else {
                return String(decoding: input, as: UTF8.self)
            }
            // A reference is never shorter than what it stands for, so the input's length is
            // enough room. The string is then made from the exact bytes: one sized for the
            // input would keep up to 3.5 times the memory for openpyxl's `&#1178;` text.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: input.count) { scratch in
                let written = decode(input, into: scratch)
                return String(decoding: UnsafeBufferPointer(rebasing: scratch[..<written]), as: UTF8.self)
            }
        }
    }

    /// Copies runs without `&` in bulk and resolves each reference; returns the bytes written.
    private static func decode(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard let source = input.baseAddress, let target = output.baseAddress else { return 0 }
        var index = 0
        var written = 0
        let count = input.count
        while index < count {
            if source[index] != UInt8(ascii: "&") {
                let rest = count - index
                let end = memchr(source + index, Int32(UInt8(ascii: "&")), rest)
                    .map { source.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count
                (target + written).update(from: source + index, count: end - index)
                written += end - index
                index = end
                continue
            }
            // `&#NNNN;`, by far the most common (openpyxl writes every Cyrillic letter so), is
            // read in line; everything else goes through `resolve`. Four digits naming a
            // two-byte letter (U+0080…U+07FF: Cyrillic, Latin with marks) are the commonest of all.
            if index + 6 < count, source[index + 1] == UInt8(ascii: "#"), source[index + 6] == UInt8(ascii: ";") {
                let d1 = source[index + 2] &- 0x30, d2 = source[index + 3] &- 0x30
                let d3 = source[index + 4] &- 0x30, d4 = source[index + 5] &- 0x30
                if d1 < 10, d2 < 10, d3 < 10, d4 < 10 {
                    let code = UInt32(d1) &* 1000 &+ UInt32(d2) &* 100 &+ UInt32(d3) &* 10 &+ UInt32(d4)
                    if code >= 0x80, code < 0x800 {
                        target[written] = 0xC0 | UInt8(code >> 6)
                        target[written + 1] = 0x80 | UInt8(code & 0x3F)
                        written += 2
                        index += 7
                        continue
                    }
                }
            }
            if index + 3 < count, source[index + 1] == UInt8(ascii: "#") {
                var cursor = index + 2
                var code: UInt32 = 0
                while cursor < count, cursor - index <= 9, source[cursor] &- 0x30 < 10 {
                    code = code &* 10 &+ UInt32(source[cursor] &- 0x30)
                    cursor += 1
                }
                if cursor > index + 2, cursor < count, source[cursor] == UInt8(ascii: ";"), code != 0,
                   let scalar = Unicode.Scalar(code) {
                    written += writeUTF8(scalar, to: target + written)
                    index = cursor + 1
                    continue
                }
            }
            var semicolon = index + 1
            let limit = min(count, index + 12)
            while semicolon < limit, source[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
            guard semicolon < limit,
                  let scalar = resolve(UnsafeBufferPointer(rebasing: input[(index + 1)..<semicolon])) else {
                target[written] = UInt8(ascii: "&")
                written += 1
                index += 1
                continue
            }
            written += writeUTF8(scalar, to: target + written)
            index = semicolon + 1
        }
        return written
    }

    private static func resolve(_ name: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard name.first == UInt8(ascii: "#") else { return named(name) }
        var index = 1
        let isHex = name.count > 1 && (name[1] == UInt8(ascii: "x") || name[1] == UInt8(ascii: "X"))
        if isHex { index = 2 }
        let digits = name.count - index
        guard digits > 0, digits <= 8 else { return nil }
        var code: UInt32 = 0
        while index < name.count {
            guard let value = digitValue(name[index], hex: isHex) else { return nil }
            code = code &* (isHex ? 16 : 10) &+ value
            index += 1
        }
        guard code != 0 else { return nil }
        return Unicode.Scalar(code)
    }

    /// The five named references, compared as bytes (no array or string per reference).
    private static func named(_ name: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        func `is`(_ literal: StaticString) -> Bool {
            guard literal.utf8CodeUnitCount == name.count, let base = name.baseAddress else { return false }
            return memcmp(literal.utf8Start, base, name.count) == 0
        }
        if `is`("lt") { return "<" }
        if `is`("gt") { return ">" }
        if `is`("amp") { return "&" }
        if `is`("quot") { return "\"" }
        if `is`("apos") { return "'" }
        return nil
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Writes the scalar as UTF-8 at `target`; returns the number of bytes (1 to 4).
    private static func writeUTF8(_ scalar: Unicode.Scalar, to target: UnsafeMutablePointer<UInt8>) -> Int {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            target[0] = UInt8(value)
            return 1
        case 0x80..<0x800:
            target[0] = 0xC0 | UInt8(value >> 6)
            target[1] = 0x80 | UInt8(value & 0x3F)
            return 2
        case 0x800..<0x10000:
            target[0] = 0xE0 | UInt8(value >> 12)
            target[1] = 0x80 | UInt8((value >> 6) & 0x3F)
            target[2] = 0x80 | UInt8(value & 0x3F)
            return 3
        default:
            target[0] = 0xF0 | UInt8(value >> 18)
            target[1] = 0x80 | UInt8((value >> 12) & 0x3F)
            target[2] = 0x80 | UInt8((value >> 6) & 0x3F)
            target[3] = 0x80 | UInt8(value & 0x3F)
            return 4
        }
    }
}
