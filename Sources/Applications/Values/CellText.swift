import Documents

/// A cell as text, the way a person reads it: surrounding whitespace (no-break spaces included)
/// removed and every internal run of spaces, line and paragraph breaks turned into one space.
enum CellText {
    /// Nil for an empty cell or one holding only whitespace.
    static func of(_ value: CellValue) -> String? {
        switch value {
        case .empty: return nil
        case .text(let text): return normalised(text)
        case .number(let number): return numberText(number)
        case .date(let year, let month, let day):
            return CalendarDay(year: year, month: month, day: day)?.iso ?? "\(year)-\(month)-\(day)"
        case .bool(let flag): return flag ? "TRUE" : "FALSE"
        }
    }

    static func of(_ cell: Cell?) -> String? { cell.flatMap { of($0.value) } }

    static func normalised(_ text: String) -> String? {
        if isAlreadyNormal(text) { return text }
        var text = text
        return text.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { output in
                let written = normalise(bytes, into: output)
                return written == 0 ? nil : String(decoding: UnsafeBufferPointer(rebasing: output[..<written]), as: UTF8.self)
            }
        }
    }

    /// Works on the (always valid) UTF-8 of a Swift string: bytes are copied as they are, and
    /// only ASCII whitespace and the sequences whose lead byte can start a Unicode space or
    /// invisible character (C2, E1, E2, E3, EF) are looked at as scalars. Returns the bytes written.
    private static func normalise(_ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var written = 0
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            let end = min(bytes.count, index + length)
            if lead < 0x80, lead == 0x20 || (0x09...0x0D).contains(lead) {
                pendingSpace = written > 0
                index = end
                continue
            }
            if lead == 0xC2 || lead == 0xE1 || lead == 0xE2 || lead == 0xE3 || lead == 0xEF,
               let scalar = scalar(bytes, index..<end) {
                if isSpace(scalar) {
                    pendingSpace = written > 0
                    index = end
                    continue
                }
                if isInvisible(scalar) {
                    index = end
                    continue
                }
            }
            if pendingSpace {
                output[written] = 0x20
                written += 1
                pendingSpace = false
            }
            for offset in index..<end {
                output[written] = bytes[offset]
                written += 1
            }
            index = end
        }
        return written
    }

    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Unicode.Scalar? {
        var decoder = UTF8()
        var iterator = UnsafeBufferPointer(rebasing: bytes[range]).makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// Most cells need no change: no space at either end, no double spaces, no tabs or breaks,
    /// and none of the multi-byte spaces and invisibles (their UTF-8 lead bytes are C2, E1, E2,
    /// E3 and EF; Cyrillic and Kazakh letters use D0–D4). Checked on bytes to keep big sheets fast.
    private static func isAlreadyNormal(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var previousWasSpace = true
            for byte in bytes {
                switch byte {
                case 0x20:
                    if previousWasSpace { return false }
                    previousWasSpace = true
                case 0x00...0x1F, 0x7F, 0xC2, 0xE1, 0xE2, 0xE3, 0xEF: return false
                default: previousWasSpace = false
                }
            }
            return !previousWasSpace
        }
    }

    /// Whole numbers without a decimal point (`72`, not `72.0`); others as Swift prints them.
    static func numberText(_ number: Double) -> String {
        if let whole = wholeNumber(number) { return String(whole) }
        return String(number)
    }

    /// The integer a double holds exactly, if it does and fits comfortably.
    static func wholeNumber(_ number: Double) -> Int? {
        guard number.isFinite, number.rounded() == number, abs(number) < 1e15 else { return nil }
        return Int(number)
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII and the Cyrillic block (U+0400–U+0FFF: no spaces there) are answered without
        // the Unicode property tables, which dominate the time on long cells.
        if scalar.value < 0x80 { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
        if (0x0400..<0x1000).contains(scalar.value) { return false }
        return scalar.properties.isWhitespace || scalar == "\u{00A0}" || scalar == "\u{2007}" || scalar == "\u{202F}"
    }

    /// Zero-width characters and the BOM that office programs leave in cells.
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0xAD else { return false }
        return ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}"].contains(scalar)
    }
}
