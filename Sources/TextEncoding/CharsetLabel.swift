import Foundation

/// Maps the charset labels mail clients and office programs write to the names glibc iconv knows.
/// Foundation has no KZ-1048 or PT154; iconv has both (as RK1048 and PT154).
public enum CharsetLabel {
    /// The iconv name for a label, or the label itself upper-cased for iconv to try.
    public static func iconvName(for label: String) -> String {
        let key = normalized(label)
        return aliases[key] ?? key.uppercased()
    }

    /// The name cpdbot reports for a decoded text (stable, lower-case where customary).
    public static func displayName(forIconvName name: String) -> String {
        displayNames[name] ?? name.lowercased()
    }

    static func normalized(_ label: String) -> String {
        var trimmed = label.trimmingCharacters(in: .whitespacesAndNewlines)
        trimmed = trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        return trimmed.lowercased()
    }

    private static let aliases: [String: String] = [
        "utf-8": "UTF-8", "utf8": "UTF-8", "unicode-1-1-utf-8": "UTF-8",
        "us-ascii": "UTF-8", "ascii": "UTF-8", "ansi_x3.4-1968": "UTF-8",
        "utf-16": "UTF-16", "utf-16le": "UTF-16LE", "utf-16be": "UTF-16BE", "unicode": "UTF-16LE",
        "windows-1251": "WINDOWS-1251", "cp1251": "WINDOWS-1251", "win-1251": "WINDOWS-1251",
        "x-cp1251": "WINDOWS-1251", "win1251": "WINDOWS-1251", "windows1251": "WINDOWS-1251",
        "koi8-r": "KOI8-R", "koi8r": "KOI8-R", "cskoi8r": "KOI8-R", "koi8-u": "KOI8-U", "koi8": "KOI8-R",
        "cp866": "CP866", "ibm866": "CP866", "866": "CP866", "csibm866": "CP866", "dos-866": "CP866",
        "iso-8859-5": "ISO-8859-5", "iso8859-5": "ISO-8859-5", "iso_8859-5": "ISO-8859-5",
        "cyrillic": "ISO-8859-5",
        "kz-1048": "RK1048", "kz1048": "RK1048", "rk1048": "RK1048", "strk1048-2002": "RK1048",
        "x-kz-1048": "RK1048", "cskz1048": "RK1048", "windows-1048": "RK1048",
        "pt154": "PT154", "ptcp154": "PT154", "pt-154": "PT154", "cp154": "PT154",
        "csptcp154": "PT154", "cyrillic-asian": "PT154",
        "latin1": "ISO-8859-1", "iso-8859-1": "ISO-8859-1", "windows-1252": "WINDOWS-1252",
        "cp1252": "WINDOWS-1252",
    ]

    private static let displayNames: [String: String] = [
        "UTF-8": "utf-8", "UTF-16": "utf-16", "UTF-16LE": "utf-16le", "UTF-16BE": "utf-16be",
        "WINDOWS-1251": "windows-1251", "KOI8-R": "koi8-r", "KOI8-U": "koi8-u", "CP866": "cp866",
        "ISO-8859-5": "iso-8859-5", "RK1048": "kz-1048", "PT154": "pt154",
        "ISO-8859-1": "iso-8859-1", "WINDOWS-1252": "windows-1252",
    ]
}

