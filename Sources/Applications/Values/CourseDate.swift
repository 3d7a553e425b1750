import Documents

/// The date of the last course (samples/README.md): a spreadsheet date, an Excel serial number
/// (a number or digits as text), `dd.mm.yyyy`, `yyyy-mm-dd` or `dd/mm/yyyy` (always day first).
enum CourseDate {
    enum Outcome: Equatable {
        case empty
        case date(CalendarDay)
        case invalid
    }

    static func parse(_ value: CellValue, earliestYear: Int) -> Outcome {
        let day: CalendarDay?
        switch value {
        case .empty: return .empty
        case .date(let year, let month, let dayOfMonth):
            day = CalendarDay(year: year, month: month, day: dayOfMonth)
        case .number(let number):
            day = fromSerial(number)
        case .text(let raw):
            guard let text = CellText.normalised(raw) else { return .empty }
            day = fromText(text)
        case .bool: day = nil
        }
        guard let day, day.year >= earliestYear else { return .invalid }
        return .date(day)
    }

    /// Excel's 1900 date system: serial 1 is 1900-01-01 and the fictitious 1900-02-29 is 60,
    /// so from 61 on the day is 1899-12-30 plus the serial. A time of day is dropped.
    static func fromSerial(_ serial: Double) -> CalendarDay? {
        guard serial.isFinite, serial >= 61, serial < 2_958_466 else { return nil }
        let days = Int(serial.rounded(.down))
        // 1899-12-30 is 25569 days before 1970-01-01.
        return CalendarDay(daysSinceUnixEpoch: days - 25_569)
    }

    static func fromText(_ text: String) -> CalendarDay? {
        var body = withoutYearWord(Substring(text))
        // ISO date-time as text (`2024-03-15T00:00:00`).
        if body.count > 10, body.dropFirst(10).first == "T", body.prefix(4).allSatisfy(\.isNumber) {
            body = body.prefix(10)
        }
        // A datetime written as text (`2023-12-30 00:00:00`, `30.12.2023 0:00`): keep the date.
        if let space = body.firstIndex(of: " ") {
            let rest = body[body.index(after: space)...]
            guard isTimeOrYearWord(rest) else { return nil }
            body = body[..<space]
        }
        if let serial = serialText(body) { return fromSerial(serial) }
        for separator in [".", "/", "-"] as [Character] {
            let parts = body.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                  let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { continue }
            if parts[0].count == 4 { return CalendarDay(year: a, month: b, day: c) }
            if parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 { return CalendarDay(year: c, month: b, day: a) }
            return nil
        }
        return nil
    }

    /// `ж.` (жыл), `г.` (год), written after a date as Kazakh and Russian do.
    private static let yearWords: Set<String> = ["ж", "жыл", "г", "год", "года", "y"]

    /// `15.03.2024ж.`, `15.03.2024 г.`, `15.03.2024.`: a year word or a full stop after the date.
    private static func withoutYearWord(_ text: Substring) -> Substring {
        var end = text.endIndex
        while end > text.startIndex {
            let previous = text.index(before: end)
            let character = text[previous]
            guard !character.isNumber, character.isLetter || character == "." || character == " " else { break }
            end = previous
        }
        let word = text[end...].lowercased().filter { $0 != " " && $0 != "." }
        guard end < text.endIndex, word.isEmpty || yearWords.contains(word) else { return text }
        return text[..<end]
    }

    /// Digits stored as text (`45495`), or a serial printed as a float (`45495.0`).
    private static func serialText(_ body: Substring) -> Double? {
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, whole.count >= 3,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        return Double(body)
    }

    /// What may follow a date in the same cell: a time, or the year word (`ж.`, `г.`, `года`).
    private static func isTimeOrYearWord(_ rest: Substring) -> Bool {
        let word = String(rest.lowercased().filter { $0 != " " && $0 != "." })
        if yearWords.contains(word) { return true }
        return !word.isEmpty && rest.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ":" || $0 == "." || $0 == " ") }
    }
}
