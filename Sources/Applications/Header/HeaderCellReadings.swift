/// The readings of header texts made during one header search, by text. Reading a cell
/// (folding it into words, checking every stem) is the costly part of the search, and the rows
/// it looks at repeat their texts: the school, the direction and often the course are the same
/// in every data row. A reading depends on the texts alone, so the memo changes no outcome.
/// Keyed by the texts' bytes (`UTF8Word`): hashing a String normalises it, which cost as much
/// as many readings; two spellings of one text only get a reading each.
struct HeaderCellReadings {
    private struct Key: Hashable {
        var upper: UTF8Word
        var lower: UTF8Word?
    }

    private var meanings: [Key: (meaning: ColumnMeaning, strength: Int)?] = [:]
    private var nameParts: [UTF8Word: NamePart?] = [:]
    private let maxLabelBytes: Int

    init(maxLabelBytes: Int) {
        self.maxLabelBytes = maxLabelBytes
    }

    mutating func meaning(upper: String, lower: String?) -> (meaning: ColumnMeaning, strength: Int)? {
        // Numbers, dates and phone numbers fold into digit words only, and no header word holds
        // a digit: such a cell names nothing (the rows searched are mostly data).
        if Self.isLetterless(upper), lower.map(Self.isLetterless) ?? true { return nil }
        // A long title or description of a course is data, and folding it is the slow part.
        if upper.utf8.count > maxLabelBytes || (lower?.utf8.count ?? 0) > maxLabelBytes { return nil }
        let key = Key(upper: UTF8Word(upper), lower: lower.map(UTF8Word.init))
        if let known = meanings[key] { return known }
        let reading = HeaderCellMeaning.read(upper: upper, lower: lower)
        meanings[key] = .some(reading)
        return reading
    }

    mutating func namePart(_ text: String) -> NamePart? {
        if Self.isLetterless(text) || text.utf8.count > maxLabelBytes { return nil }
        let key = UTF8Word(text)
        if let known = nameParts[key] { return known }
        let part = NamePart.read(text)
        nameParts[key] = .some(part)
        return part
    }

    /// ASCII digits, spaces and punctuation only: no letter, and no `№` or `#` (which fold into
    /// the word `№`).
    static func isLetterless(_ text: String) -> Bool {
        text.utf8.allSatisfy { byte in
            byte < 0x80 && byte != UInt8(ascii: "#") && !(0x41...0x5A).contains(byte) && !(0x61...0x7A).contains(byte)
        }
    }
}
