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
            // Several numbers in one cell: the first one that normalises counts.
            for part in text.split(whereSeparator: { ",;/\n".contains($0) }) {
                let trimmed = part.drop { $0 == " " }
                let digits = String(trimmed.filter { $0.isASCII && $0.isNumber })
                if let phone = fromDigits(digits, hadPlus: trimmed.first == "+") { return phone }
            }
            return text
        case .date, .bool: return CellText.of(value)
        }
    }

    static func fromDigits(_ digits: String, hadPlus: Bool) -> String? {
        switch digits.count {
        case 11 where digits.first == "8" || digits.first == "7":
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
