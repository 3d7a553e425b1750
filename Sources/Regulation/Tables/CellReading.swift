import Documents

/// Cell values read by meaning: text, whole numbers and dates in the forms people use.
extension CellValue {
    /// The text a person sees; whole numbers without ".0".
    var plainText: String {
        switch self {
        case .empty: return ""
        case .text(let text): return text.trimmingWhitespace()
        case .number(let number):
            if number.isFinite, number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
            return String(number)
        case let .date(year, month, day):
            return CivilDate(year: year, month: month, day: day)?.iso ?? "\(year)-\(month)-\(day)"
        case .bool(let value): return value ? "true" : "false"
        }
    }

    var isBlank: Bool { plainText.isEmpty }

    /// A whole number ≥ 0: a numeric cell, or text with digits and group separators
    /// ("120 000", "120 000,00", "59000 ₸").
    func wholeNumber(maximum: Int) -> Int? {
        switch self {
        case .number(let number):
            guard number.isFinite, number >= 0, number == number.rounded(), number <= Double(maximum) else { return nil }
            return Int(number)
        case .text(let text):
            var digits = Substring(text.trimmingWhitespace())
            for suffix in ["₸", "тг", "тенге", "теңге", "kzt", "KZT", "тг."] where digits.hasSuffix(suffix) {
                digits = digits.dropLast(suffix.count)
            }
            var cleaned = String(digits.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "'" }
                .map(Character.init))
            for zeros in [",00", ".00", ",0", ".0"] where cleaned.hasSuffix(zeros) {
                cleaned = String(cleaned.dropLast(zeros.count))
                break
            }
            guard let value = Int.asciiDigits(cleaned), value <= maximum else { return nil }
            return value
        default:
            return nil
        }
    }

    /// A date cell, a spreadsheet serial number, or text in ISO or DD.MM.YYYY form
    /// (a trailing time of day, as some exports add, is ignored).
    var civilDate: CivilDate? {
        switch self {
        case let .date(year, month, day): return CivilDate(year: year, month: month, day: day)
        case .number(let serial): return CivilDate(spreadsheetSerial: serial)
        case .text(let text):
            let trimmed = text.trimmingWhitespace()
            if let date = CivilDate(text: trimmed) { return date }
            let datePart = trimmed.split(whereSeparator: { $0 == " " || $0 == "T" }).first.map(String.init) ?? ""
            return datePart.count < trimmed.count ? CivilDate(text: datePart) : nil
        default: return nil
        }
    }
}

extension Row {
    func value(at position: Int?) -> CellValue {
        guard let position, cells.indices.contains(position) else { return .empty }
        return cells[position].value
    }

    var isBlank: Bool { cells.allSatisfy { $0.value.isBlank } }
}
