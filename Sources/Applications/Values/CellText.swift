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
        // Built as UTF-8 bytes: appending scalar by scalar to a String is slow on long cells.
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !result.isEmpty
            } else if isInvisible(scalar) {
                continue
            } else {
                if pendingSpace { result.append(0x20) }
                pendingSpace = false
                result.append(contentsOf: scalar.utf8)
            }
        }
        return result.isEmpty ? nil : String(decoding: result, as: UTF8.self)
    }

    /// Most cells need no change: no space at either end, no double spaces, no tabs or breaks,
    /// and none of the multi-byte spaces and invisibles (their UTF-8 lead bytes are C2, E1, E2,
    /// E3 and EF; Cyrillic and Kazakh letters use D0–D4). Checked on bytes to keep big sheets fast.
    private static func isAlreadyNormal(_ text: String) -> Bool {
        var previousWasSpace = true
        for byte in text.utf8 {
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
