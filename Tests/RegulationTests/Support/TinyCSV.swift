import Documents

/// A tiny RFC 4180 reader for the tests' CSV fixtures (quoted fields, "" escapes, CRLF), so the
/// table mapping can be tested without the Documents readers. Not for production input.
enum TinyCSV {
    static func table(_ text: String, name: String = "test.csv") -> Table {
        var rows: [[String]] = [[]]
        var field = ""
        var quoted = false
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let char = next() {
            if quoted {
                if char == "\"" {
                    if let following = next() {
                        if following == "\"" { field.append("\"") } else { quoted = false; pending = following }
                    } else { quoted = false }
                } else { field.append(char) }
            } else if char == "\"" {
                quoted = true
            } else if char == "," {
                rows[rows.count - 1].append(field); field = ""
            } else if char == "\n" || char == "\r\n" || char == "\r" {
                rows[rows.count - 1].append(field); field = ""
                rows.append([])
            } else {
                field.append(char)
            }
        }
        if !field.isEmpty || !(rows.last ?? []).isEmpty { rows[rows.count - 1].append(field) }
        if rows.last?.isEmpty == true { rows.removeLast() }
        let cleaned = rows.enumerated().map { index, fields in
            Row(number: index + 1, cells: fields.map { text in
                let value = index == 0 && text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
                return Cell(value.isEmpty ? .empty : .text(value))
            })
        }
        return Table(name: name, rows: cleaned)
    }
}
