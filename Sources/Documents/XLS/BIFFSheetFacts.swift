/// What a BIFF8 workbook stream says about each sheet that FreeXL does not report: whether it
/// is hidden (BOUNDSHEET) and its merged regions (MERGEDCELLS), by sheet name. Records are
/// walked by their length fields; a damaged stream just ends the walk.
struct BIFFSheetFacts {
    var isHidden = false
    var merges: [MergeRegion] = []

    private static let boundSheet = 0x0085
    private static let mergedCells = 0x00E5
    private static let endOfFile = 0x000A

    static func read(workbook stream: [UInt8]) -> [String: BIFFSheetFacts] {
        var sheets: [(name: String, offset: Int, hidden: Bool)] = []
        var offset = 0
        // The globals substream: BOUNDSHEET records up to its EOF.
        while let type = stream.uint16(at: offset), let length = stream.uint16(at: offset + 2) {
            let body = offset + 4
            if type == endOfFile { break }
            if type == boundSheet, let position = stream.uint32(at: body), body + 8 <= stream.count {
                let state = stream[body + 4] & 0x03
                let kind = stream[body + 5]
                if kind == 0, let name = sheetName(stream, at: body + 6, end: body + length) {
                    sheets.append((name, position, state != 0))
                }
            }
            offset = body + length
        }
        var facts: [String: BIFFSheetFacts] = [:]
        for sheet in sheets {
            facts[sheet.name] = BIFFSheetFacts(isHidden: sheet.hidden, merges: merges(stream, from: sheet.offset))
        }
        return facts
    }

    /// ShortXLUnicodeString: a character count, a flag (bit 0: UTF-16LE, else Latin-1 bytes).
    private static func sheetName(_ stream: [UInt8], at start: Int, end: Int) -> String? {
        guard start + 2 <= min(end, stream.count) else { return nil }
        let count = Int(stream[start])
        let wide = stream[start + 1] & 0x01 == 1
        let first = start + 2
        let last = first + count * (wide ? 2 : 1)
        guard last <= min(end, stream.count) else { return nil }
        if wide {
            let units = stride(from: first, to: last, by: 2).compactMap { stream.uint16(at: $0) }.map(UInt16.init)
            return String(decoding: units, as: UTF16.self)
        }
        return String(stream[first..<last].map { Character(Unicode.Scalar($0)) })
    }

    private static func merges(_ stream: [UInt8], from start: Int) -> [MergeRegion] {
        var result: [MergeRegion] = []
        var offset = start
        while let type = stream.uint16(at: offset), let length = stream.uint16(at: offset + 2) {
            let body = offset + 4
            if type == endOfFile { break }
            if type == mergedCells, let count = stream.uint16(at: body) {
                for index in 0..<count {
                    let ref = body + 2 + 8 * index
                    guard ref + 8 <= body + length, let firstRow = stream.uint16(at: ref),
                          let lastRow = stream.uint16(at: ref + 2), let firstColumn = stream.uint16(at: ref + 4),
                          let lastColumn = stream.uint16(at: ref + 6) else { break }
                    // BIFF rows are 0-based; MergeRegion rows are 1-based like the sheet shows them.
                    result.append(MergeRegion(firstRow: firstRow + 1, firstColumn: firstColumn,
                                              lastRow: lastRow + 1, lastColumn: lastColumn))
                }
            }
            offset = body + length
        }
        return result
    }
}
