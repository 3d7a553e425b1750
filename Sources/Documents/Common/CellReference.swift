/// A1-style references ("C7", "$AB$12") as used in OOXML `r` and `ref` attributes.
enum CellReference {
    /// (1-based row or nil when the reference has no digits, 0-based column or nil) of `bytes`.
    static func parse<C: Collection>(_ bytes: C) -> (row: Int?, column: Int?) where C.Element == UInt8 {
        var column = 0
        var hasColumn = false
        var row = 0
        var hasRow = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                guard !hasRow, column < 1_000_000 else { return (nil, nil) }
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                hasColumn = true
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard !hasRow, column < 1_000_000 else { return (nil, nil) }
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
                hasColumn = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard row < 100_000_000 else { return (nil, nil) }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                hasRow = true
            default:
                return (nil, nil)
            }
        }
        return (hasRow && row > 0 ? row : nil, hasColumn ? column - 1 : nil)
    }

    /// A range "A1:C3" (or a single cell) as a merge region.
    static func region(_ text: String) -> MergeRegion? {
        let parts = text.split(separator: ":")
        guard let first = parts.first else { return nil }
        let start = parse(Array(first.utf8))
        let end = parse(Array((parts.count > 1 ? parts[1] : first).utf8))
        guard let r1 = start.row, let c1 = start.column, let r2 = end.row, let c2 = end.column else { return nil }
        return MergeRegion(firstRow: min(r1, r2), firstColumn: min(c1, c2),
                           lastRow: max(r1, r2), lastColumn: max(c1, c2))
    }
}
