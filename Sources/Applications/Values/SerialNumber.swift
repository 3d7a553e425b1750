import Documents

/// The № cell as an integer: a number, digits as text (`3`, `3.`, `03`), or a formula's cached value.
enum SerialNumber {
    static func parse(_ value: CellValue) -> Int? {
        switch value {
        case .number(let number): return CellText.wholeNumber(number)
        case .text(let raw):
            guard var text = CellText.normalised(raw) else { return nil }
            // Neither Int nor Double reads a non-ASCII letter, and trimming `.` and `)` keeps it:
            // names and titles (most text cells) are answered without the character walk.
            if text.utf8.contains(where: { $0 >= 0x80 }) { return nil }
            while let last = text.last, last == "." || last == ")" { text.removeLast() }
            if let whole = Int(text) { return whole }
            // `3.0` as text, from a CSV written by a program that prints floats.
            return Double(text).flatMap(CellText.wholeNumber)
        case .empty, .date, .bool: return nil
        }
    }
}
