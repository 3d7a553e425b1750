extension LongDate {
    /// A span of days as a person writes it, the shared year or month said once: kk
    /// "2026 жылғы 14–30 қыркүйек", "2026 жылғы 14 қыркүйек – 30 қазан"; ru "14–30 сентября 2026 г.",
    /// "14 сентября – 30 октября 2026 г."; en "14–30 September 2026", "14 September – 30 October 2026".
    /// Across two years both dates are whole; one day is that date.
    public static func period(from start: (year: Int, month: Int, day: Int), to end: (year: Int, month: Int, day: Int),
                              language: WordingLanguage) -> String {
        let whole = { (date: (year: Int, month: Int, day: Int)) in
            text(year: date.year, month: date.month, day: date.day, language: language)
        }
        guard start.year == end.year else { return whole(start) + " – " + whole(end) }
        if start.month == end.month, start.day == end.day { return whole(start) }
        let index = min(max(end.month, 1), 12) - 1
        if start.month == end.month {
            switch language {
            case .kk: return "\(start.year) жылғы \(start.day)–\(end.day) \(kazakhMonths[index])"
            case .ru: return "\(start.day)–\(end.day)\u{00A0}\(russianMonths[index]) \(end.year)\u{00A0}г."
            case .en: return "\(start.day)–\(end.day) \(englishMonths[index]) \(end.year)"
            }
        }
        let first = dayAndMonth(month: start.month, day: start.day, language: language)
        switch language {
        case .kk: return "\(start.year) жылғы \(first) – " + dayAndMonth(month: end.month, day: end.day, language: language)
        case .ru, .en: return first + " – " + whole(end)
        }
    }
}
