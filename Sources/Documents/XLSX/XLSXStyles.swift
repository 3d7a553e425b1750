/// Which cell styles show numbers as dates, from `xl/styles.xml` (`numFmts` + `cellXfs`).
/// A cell's `s` attribute indexes `cellXfs`; each `xf` names a number format by id.
struct XLSXStyles {
    /// For each `cellXfs` index: does its number format display a date?
    private(set) var isDateStyle: [Bool] = []

    static let maxCellFormats = 65_536

    init() {}

    init(bytes: [UInt8], partName: String, limits: DocumentLimits) throws(DocumentError) {
        try self.init(xml: XMLTokenizer(bytes: bytes, partName: partName, maxDepth: limits.maxXMLDepth), limits: limits)
    }

    /// Reads the part as it streams from the archive: a bomb never sits whole in memory.
    init(xml: consuming XMLTokenizer, limits: DocumentLimits) throws(DocumentError) {
        var xml = xml
        var customFormats: [Int: String] = [:]
        var formatIDs: [Int] = []
        var inCellXfs = false
        while let token = try xml.next() {
            switch token {
            case .start(let name, let selfClosing):
                if xml.isLocal(name, "numFmt"), let id = xml.attributeInt("numFmtId") {
                    guard customFormats.count < Self.maxCellFormats else {
                        throw DocumentError(.unsafeArchive,
                            "\(xml.partName) defines more than \(Self.maxCellFormats) number formats; it was not read further.")
                    }
                    customFormats[id] = String((xml.attributeValue("formatCode") ?? "").prefix(256))
                } else if xml.isLocal(name, "cellXfs") {
                    inCellXfs = !selfClosing
                } else if inCellXfs, xml.isLocal(name, "xf") {
                    // Excel allows 65,490 cell formats; millions of them are a bomb.
                    guard formatIDs.count < Self.maxCellFormats else {
                        throw DocumentError(.unsafeArchive,
                            "\(xml.partName) defines more than \(Self.maxCellFormats) cell formats (Excel allows 65,490); it was not read further.")
                    }
                    formatIDs.append(xml.attributeInt("numFmtId") ?? 0)
                }
            case .end(let name):
                if xml.isLocal(name, "cellXfs") { inCellXfs = false }
            default:
                continue
            }
        }
        isDateStyle = formatIDs.map { id in
            if let code = customFormats[id] { return Self.isDateFormat(code) }
            return Self.builtInDateFormats.contains(id)
        }
    }

    func isDate(styleIndex: Int) -> Bool {
        styleIndex >= 0 && styleIndex < isDateStyle.count && isDateStyle[styleIndex]
    }

    /// ECMA-376 §18.8.30 built-in formats that show dates or times: 14–22 and 45–47,
    /// plus the East Asian date ids 27–36 and 50–58 that localized Excel writes.
    static let builtInDateFormats: Set<Int> = Set(14...22).union(45...47).union(27...36).union(50...58)

    /// A custom format is a date format when, outside quoted literals, `[…]` sections
    /// (colours, locales, elapsed-time) and backslash escapes, its first section uses d or y,
    /// or uses m without h or s (then m is a month, not minutes). `[h]:mm` and `0.00` are not.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        var escaped = false
        var letters = Set<Character>()
        var bracket = ""
        for character in code {
            if escaped { escaped = false; continue }
            if inQuotes { if character == "\"" { inQuotes = false }; continue }
            if inBrackets {
                if character != "]" { bracket.append(character); continue }
                inBrackets = false
                // Elapsed time ([h], [mm], [ss]) counts as h/m/s; colours and locales do not.
                let lowered = bracket.lowercased()
                if !lowered.isEmpty, lowered.allSatisfy({ "hms".contains($0) }) { letters.formUnion(lowered) }
                bracket = ""
                continue
            }
            switch character {
            case "\\": escaped = true
            case "\"": inQuotes = true
            case "[": inBrackets = true
            case ";": return isDate(letters)  // only the first section (positive numbers) decides
            default: letters.insert(Character(character.lowercased()))
            }
        }
        return isDate(letters)
    }

    private static func isDate(_ letters: Set<Character>) -> Bool {
        letters.contains("d") || letters.contains("y")
            || (letters.contains("m") && !letters.contains("h") && !letters.contains("s"))
    }
}
