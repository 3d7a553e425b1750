import Documents

/// Hours of the last course: a whole number, stored as a number (`72`, `72.0`) or as text with
/// or without a unit (`72 сағ`, `72 сағат`, `72 ч.`, `72 часов`, `72 hours`, `72h`).
enum CourseHours {
    enum Outcome: Equatable {
        case empty
        case hours(Int)
        /// Not a whole number: words, `36,5`, a date.
        case invalid
        /// A whole number outside the accepted range.
        case outOfRange
    }

    /// Unit words that may follow the number; anything else makes the cell invalid.
    static let unitWords: Set<String> = [
        "с", "сағ", "сағат", "сағаты", "саг", "сагат", "сағт", "сағаттар", "сағатқа", "академиялық", "акад", "ак", "ақ", "академ",
        "академических", "академический", "ч", "час", "часа", "часов", "часы", "ак.ч",
        "h", "hr", "hrs", "hour", "hours", "academic", "ac",
    ]

    static func parse(_ value: CellValue, range: ClosedRange<Int>) -> Outcome {
        switch value {
        case .empty: return .empty
        case .number(let number): return check(number, range: range)
        case .text(let raw):
            guard let text = CellText.normalised(raw) else { return .empty }
            guard let number = leadingNumber(text) else { return .invalid }
            return check(number, range: range)
        case .date, .bool: return .invalid
        }
    }

    private static func check(_ number: Double, range: ClosedRange<Int>) -> Outcome {
        guard let whole = CellText.wholeNumber(number) else { return .invalid }
        return range.contains(whole) ? .hours(whole) : .outOfRange
    }

    /// The number at the start of the text when the rest is only a unit; nil otherwise.
    /// A decimal comma stays a decimal (`36,5` is not whole, `72,0` is 72).
    private static func leadingNumber(_ text: String) -> Double? {
        let lowered = text.lowercased()
        var digits = ""
        var index = lowered.startIndex
        if index < lowered.endIndex, lowered[index] == "-" || lowered[index] == "−" {
            digits.append("-")
            index = lowered.index(after: index)
        }
        while index < lowered.endIndex, lowered[index].isASCII,
              lowered[index].isNumber || lowered[index] == "." || lowered[index] == "," {
            digits.append(lowered[index] == "," ? "." : lowered[index])
            index = lowered.index(after: index)
        }
        guard digits.contains(where: \.isNumber), let number = Double(digits) else { return nil }
        let rest = lowered[index...].split { " .()-–".contains($0) }
        guard rest.allSatisfy({ unitWords.contains(String($0)) }) else { return nil }
        return number
    }
}
