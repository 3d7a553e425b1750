/// Numbers, money and sizes as people write them.
public enum Numbers {
    /// Thousands apart with a no-break space: 150 000 (kk and ru write it so; en readers read it too).
    public static func grouped(_ number: Int, separator: Character = "\u{00A0}") -> String {
        let digits = String(number.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(separator) }
            out.append(digit)
        }
        return (number < 0 ? "-" : "") + out
    }

    /// Tenge as DSHR writes them: "150 000 тг" (kk, ru, as in the Regulation's §8 table),
    /// "150,000 tenge" (en).
    public static func tenge(_ amount: Int, language: WordingLanguage) -> String {
        switch language {
        case .kk, .ru: return grouped(amount) + "\u{00A0}тг"
        case .en: return grouped(amount, separator: ",") + " tenge"
        }
    }

    /// A size for people: "10 МБ" / "10 MB", "500 КБ" / "500 KB" (1 MB = 1 048 576 bytes,
    /// as the limits count them), whole numbers, rounded up below 10 so a limit never reads 0.
    public static func fileSize(_ bytes: Int, language: WordingLanguage) -> String {
        let (kilo, mega, giga) = language == .en ? ("KB", "MB", "GB") : ("КБ", "МБ", "ГБ")
        func amount(_ unit: Int) -> String {
            let value = Double(bytes) / Double(unit)
            let whole = value < 10 && value != value.rounded() ? Int(value.rounded(.up)) : Int(value.rounded())
            return grouped(whole)
        }
        if bytes >= 1 << 30 { return amount(1 << 30) + "\u{00A0}" + giga }
        if bytes >= 1 << 20 { return amount(1 << 20) + "\u{00A0}" + mega }
        return amount(1 << 10) + "\u{00A0}" + kilo
    }
}
