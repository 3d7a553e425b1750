import Documents

/// A row's cells as text, and which of them the row holds itself rather than as a copy of a
/// merged region. Everything the classifier asks is worked out once, here.
struct RowContent {
    let row: Row
    let texts: [String?]
    /// The columns whose content counts: every cell the row holds itself, plus copies of a
    /// region merged from above (a vertically merged school). A copy that repeats a cell of the
    /// same row (a title merged across the row) adds nothing.
    let contentColumns: [Int]
    /// Cells the row holds itself that are text (not numbers or dates).
    let ownTextColumns: [Int]
    /// Some cell holds an e-mail address.
    let hasAddress: Bool
    /// Something that is data rather than a label: an address, a number, a date, long digit runs.
    let hasDataLikeCell: Bool

    init(_ row: Row) {
        self.row = row
        // One pass over the cells: their texts, the columns the row holds itself, and which of
        // those are text.
        var texts: [String?] = []
        var own: [Int] = []
        var ownText: [Int] = []
        var hasCopies = false
        texts.reserveCapacity(row.cells.count)
        own.reserveCapacity(row.cells.count)
        ownText.reserveCapacity(row.cells.count)
        for (column, cell) in row.cells.enumerated() {
            let text = CellText.of(cell.value)
            texts.append(text)
            if cell.isMergedCopy {
                hasCopies = true
            } else if text != nil {
                own.append(column)
                if case .text = cell.value { ownText.append(column) }
            }
        }
        self.texts = texts
        // Copies of merged regions are rare: the set of own texts (hashing long cells) is made
        // only when there are some.
        let ownTexts = hasCopies ? Set(own.compactMap { texts[$0] }) : []
        var seenCopies = Set<String>()
        let copies = !hasCopies ? [] : texts.indices.filter { column in
            guard let text = texts[column], row.cells[column].isMergedCopy, !ownTexts.contains(text) else { return false }
            return seenCopies.insert(text).inserted
        }
        // `own` is in column order already; only copies need merging in.
        contentColumns = copies.isEmpty ? own : (own + copies).sorted()
        ownTextColumns = ownText
        hasAddress = texts.contains { $0.map(EmailAddress.containsAddress) ?? false }
        hasDataLikeCell = hasAddress || texts.indices.contains { column in
            guard let text = texts[column] else { return false }
            switch row.cells[column].value {
            case .number, .date, .bool: return true
            case .text, .empty: return Self.looksLikeData(text)
            }
        }
    }

    /// Four digits or more, or nothing but digits, dots and spaces. ASCII and Cyrillic text
    /// (names, titles: most cells) is checked scalar by scalar without Unicode property lookups,
    /// as no Cyrillic letter is a digit; other text by characters, as `isNumber` reads digits of
    /// every script.
    static func looksLikeData(_ text: String) -> Bool {
        var asciiDigits = 0
        var onlyDigitsDotsSpaces = true
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if (0x30...0x39).contains(value) {
                    asciiDigits += 1
                } else if value != 0x2E, value != 0x20 {
                    onlyDigitsDotsSpaces = false
                }
            } else if (0x400..<0x483).contains(value) || (0x48A..<0x530).contains(value) {
                // A Cyrillic letter: not a digit, nor part of one (its combining marks are left
                // to the reading by characters).
                onlyDigitsDotsSpaces = false
            } else {
                return looksLikeDataByCharacters(text)
            }
        }
        return asciiDigits >= 4 || onlyDigitsDotsSpaces
    }

    static func looksLikeDataByCharacters(_ text: String) -> Bool {
        text.filter(\.isNumber).count >= 4 || text.allSatisfy { $0.isNumber || $0 == "." || $0 == " " }
    }

    func text(at column: Int) -> String? {
        texts.indices.contains(column) ? texts[column] : nil
    }

    func cell(at column: Int) -> Cell {
        row.cells.indices.contains(column) ? row.cells[column] : .empty
    }

    var isEmpty: Bool { texts.allSatisfy { $0 == nil } }
}
