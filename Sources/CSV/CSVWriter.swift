/// RFC 4180 text as cpdbot writes it: CRLF after every record, a field quoted when it holds a
/// comma, a quote, a line break or leading/trailing spaces. The store's exports and DSHR's
/// compliance attachment both go through it.
public enum CSVWriter {
    /// The records as text. `byteOrderMark` puts U+FEFF first, so that Excel opens the file as
    /// UTF-8; `excelSafe` neutralises cells Excel would run as formulas (`neutralise(_:)`).
    public static func text(_ records: [[String]], byteOrderMark: Bool, excelSafe: Bool) -> String {
        var text = byteOrderMark ? "\u{FEFF}" : ""
        for record in records {
            text += record.map { quote(excelSafe ? neutralise($0) : $0) }.joined(separator: ",")
            text += "\r\n"
        }
        return text
    }

    /// The field as RFC 4180 writes it: in quotes with `"` doubled when it must be, else as it is.
    public static func quote(_ field: String) -> String {
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || field.hasPrefix(" ") || field.hasSuffix(" ")
        guard needsQuotes else { return field }
        var quoted = "\""
        for character in field {
            if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
        }
        return quoted + "\""
    }

    /// Guards against CSV injection (https://owasp.org/www-community/attacks/CSV_Injection): a
    /// cell starting with `=`, `@`, a tab or CR, or `+`/`-` not followed by a plain number,
    /// gets a `'` in front. Phones like `+77011234567` and numbers like `-5` stay as they are.
    public static func neutralise(_ field: String) -> String {
        guard let first = field.first else { return field }
        switch first {
        case "=", "@", "\t", "\r":
            return "'" + field
        case "+", "-":
            let rest = field.dropFirst()
            let plainNumber = !rest.isEmpty && rest.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == " ") }
            return plainNumber ? field : "'" + field
        default:
            return field
        }
    }
}
