/// Text from a sender shown to a person: characters that change how the text looks without
/// being seen – controls (C0, C1, DEL), format characters (the bidirectional overrides
/// U+202A–U+202E and isolates U+2066–U+2069, zero-width marks, soft hyphen), line and paragraph
/// separators, surrogates and unassigned code points – are written as `⟨U+202E⟩`, so
/// `otinim_⟨U+202E⟩xslx.exe` cannot pass for `otinim_exe.xlsx` in a reply.
public enum VisibleText {
    /// True for a scalar `visible` replaces.
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        // The zero-width joiners glue emoji and Indic letters into one visible character.
        if scalar.value == 0x200C || scalar.value == 0x200D { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse: return true
        default: return false
        }
    }

    /// `text` with every hidden character made visible; `keepingLineBreaks` leaves LF and tab
    /// (a multi-line body text), everything else is marked.
    public static func visible(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !isHidden(scalar) || (keepingLineBreaks && (scalar == "\n" || scalar == "\t")) {
                out.append(scalar)
            } else {
                out.append(contentsOf: marker(scalar).unicodeScalars)
            }
        }
        return String(out)
    }

    /// `⟨U+202E⟩`.
    public static func marker(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "⟨U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "⟩"
    }
}
