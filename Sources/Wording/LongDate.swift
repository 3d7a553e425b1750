/// Dates as a person writes them in a letter: kk "2026 жылғы 1 маусымнан", ru "1 июня 2026 г.",
/// en "1 June 2026".
public enum LongDate {
    /// Kazakh month names in the nominative, January first.
    public static let kazakhMonths = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
                                      "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"]
    /// In the genitive, as a date needs them ("1 июня").
    public static let russianMonths = ["января", "февраля", "марта", "апреля", "мая", "июня",
                                       "июля", "августа", "сентября", "октября", "ноября", "декабря"]
    /// English month names, January first.
    public static let englishMonths = ["January", "February", "March", "April", "May", "June",
                                       "July", "August", "September", "October", "November", "December"]

    /// The date in `language`; `kazakhCase` is the ending the next word wants (only Kazakh
    /// changes: Russian and English prepositions stand before the date).
    public static func text(year: Int, month: Int, day: Int, language: WordingLanguage,
                            kazakhCase: KazakhCase = .nominative) -> String {
        let index = min(max(month, 1), 12) - 1
        switch language {
        case .kk:
            return "\(year) жылғы \(day) " + KazakhSuffix.attach(kazakhCase, to: kazakhMonths[index])
        case .ru:
            return "\(day)\u{00A0}\(russianMonths[index]) \(year)\u{00A0}г."
        case .en:
            return "\(day) \(englishMonths[index]) \(year)"
        }
    }

    /// A date with a time of day ("2026 жылғы 1 маусым, сағат 09:05", "1 июня 2026 г. в 09:05",
    /// "1 June 2026 at 09:05"); the time stays on the clock the caller gives.
    public static func text(year: Int, month: Int, day: Int, hour: Int, minute: Int,
                            language: WordingLanguage) -> String {
        text(year: year, month: month, day: day, language: language) + timeJoint(language) + clock(hour: hour, minute: minute, language: language)
    }

    /// A day of the current year, without the year: kk "1 маусым" (with the ending the next
    /// word wants), ru "1 июня", en "1 June".
    public static func dayAndMonth(month: Int, day: Int, language: WordingLanguage,
                                   kazakhCase: KazakhCase = .nominative) -> String {
        let index = min(max(month, 1), 12) - 1
        switch language {
        case .kk: return "\(day) " + KazakhSuffix.attach(kazakhCase, to: kazakhMonths[index])
        case .ru: return "\(day)\u{00A0}\(russianMonths[index])"
        case .en: return "\(day) \(englishMonths[index])"
        }
    }

    /// A day of the current year with its time ("1 маусым, сағат 09:05", "1 июня в 09:05", "1 June at 09:05").
    public static func dayAndMonth(month: Int, day: Int, hour: Int, minute: Int, language: WordingLanguage) -> String {
        dayAndMonth(month: month, day: day, language: language) + timeJoint(language) + clock(hour: hour, minute: minute, language: language)
    }

    /// A time of day as a letter writes it: kk "сағат 09:05" (Kazakh names the hour with the
    /// word), ru and en "09:05".
    public static func clock(hour: Int, minute: Int, language: WordingLanguage) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let time = "\(two(hour)):\(two(minute))"
        return language == .kk ? "сағат\u{00A0}" + time : time
    }

    /// What stands between a date and its time: kk ", сағат …", ru "… в 09:05", en "… at 09:05".
    private static func timeJoint(_ language: WordingLanguage) -> String {
        switch language {
        case .kk: return ", "
        case .ru: return " в\u{00A0}"
        case .en: return " at "
        }
    }
}
