import Documents

/// Contact phones to E.164. Kazakhstan numbers: 11 digits starting with 8 or 7 become `+7`
/// and the last 10 digits; 10 digits get `+7` in front. Never a validation error: a phone
/// that cannot be normalised is kept as written.
enum PhoneNumber {
    static func normalise(_ value: CellValue) -> String? {
        switch value {
        case .empty: return nil
        case .number(let number):
            guard let whole = CellText.wholeNumber(number), whole > 0 else { return CellText.of(value) }
            return fromDigits(String(whole), hadPlus: false) ?? String(whole)
        case .text(let raw):
            guard let text = CellText.normalised(raw) else { return nil }
            // Digits only (the usual `87011234567` kept as text): the number they spell, as
            // `Double(text)` would read it, without the float parser (15 digits are exact).
            if (1...15).contains(text.utf8.count), text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let whole = Int(text) {
                return normalise(.number(Double(whole)))
            }
            // A number a program wrote as text (`87011234567.0`, `8.7011234567E+10`).
            // A space byte is nearly always a space character; only then is the character check needed.
            if !(text.utf8.contains(0x20) && text.contains(" ")), let number = Double(text), CellText.wholeNumber(number) != nil {
                return normalise(.number(number))
            }
            // Several numbers in one cell (one a line, or after `,` `;` `/`): the first that normalises.
            for piece in raw.split(whereSeparator: { $0.isNewline || ",;/".contains($0) }) {
                let trimmed = Substring(CellText.normalised(String(piece)) ?? "")
                let digits = String(beforeExtension(trimmed).filter { $0.isASCII && $0.isNumber })
                if let phone = fromDigits(digits, hadPlus: trimmed.first == "+") { return phone }
            }
            return text
        case .date, .bool: return CellText.of(value)
        }
    }

    /// The number without an extension written after it (`… 45 67 (вн. 123)`, `… ext. 12`):
    /// everything before the first letter that follows a digit.
    private static func beforeExtension(_ text: Substring) -> Substring {
        var seenDigit = false
        for index in text.indices {
            if text[index].isNumber { seenDigit = true }
            if seenDigit, text[index].isLetter { return text[..<index] }
        }
        return text
    }

    /// `digits`: ASCII digits only, so bytes are characters.
    static func fromDigits(_ digits: String, hadPlus: Bool) -> String? {
        switch digits.utf8.count {
        case 11 where digits.utf8.first == UInt8(ascii: "8") || digits.utf8.first == UInt8(ascii: "7"):
            return "+7" + digits.dropFirst()
        case 10:
            return "+7" + digits
        case 8...15 where hadPlus:
            return "+" + digits
        default:
            return nil
        }
    }
}
