extension CivilDate {
    /// `YYYY-MM-DD` exactly (what config files, JSON and the CLI use).
    public init?(iso text: String) {
        let parts = text.trimmingWhitespace().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int.asciiDigits(parts[0]), let m = Int.asciiDigits(parts[1]),
              let d = Int.asciiDigits(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `DD.MM.YYYY` (the form Kazakh and Russian documents use; one-digit day/month accepted).
    public init?(dotted text: String) {
        let parts = text.trimmingWhitespace().split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              parts[2].count == 4,
              let d = Int.asciiDigits(parts[0]), let m = Int.asciiDigits(parts[1]),
              let y = Int.asciiDigits(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// ISO or `DD.MM.YYYY`, whichever the text is.
    public init?(text: String) {
        if let date = CivilDate(iso: text) ?? CivilDate(dotted: text) {
            self = date
        } else {
            return nil
        }
    }

    /// A spreadsheet serial date (1900 date system, as Excel and LibreOffice store them).
    /// Serial 60 is Excel's fictitious 29 Feb 1900; serials from 61 count from 1899-12-30.
    /// Only whole days in a plausible range (1900–2199) are accepted.
    public init?(spreadsheetSerial serial: Double) {
        guard serial.isFinite, serial == serial.rounded(.down), serial >= 61, serial < 109_575 else {
            return nil
        }
        let epoch = -25_569   // 1899-12-30 as a day number
        self.init(dayNumber: epoch + Int(serial))
    }
}

extension Int {
    /// Digits 0–9 only (no sign, no spaces, no Unicode digits): date parts and config values.
    static func asciiDigits<S: StringProtocol>(_ text: S) -> Int? {
        guard !text.isEmpty, text.count <= 18, text.utf8.allSatisfy({ (48...57).contains($0) }) else {
            return nil
        }
        return Int(text)
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
