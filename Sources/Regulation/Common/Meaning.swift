/// Matching what people type against the names the rules know, in Kazakh, Russian and English.
enum Meaning {
    /// Lower case, `ё`→`е`, every run of non-letters/digits to one space, trimmed:
    /// "Cost, KZT" → "cost kzt", "Оқыту/білім беру" → "оқыту білім беру", "course_id" → "course id".
    static func normalize(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            let props = scalar.properties
            if props.isAlphabetic || props.numericType != nil {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar == "ё" ? "е" : scalar)
            } else {
                pendingSpace = true
            }
        }
        return result
    }
}

/// A closed set of values that people may write as a key or as a name in one of the languages.
protocol NamedValue: RawRepresentable, CaseIterable, Sendable, Hashable where RawValue == String {
    /// Every spelling accepted besides the key itself (already normalized or not: both work).
    var names: [String] { get }
}

extension NamedValue {
    /// The value whose key or one of whose names matches `text` by meaning.
    init?(meaning text: String) {
        let wanted = Meaning.normalize(text)
        guard !wanted.isEmpty else { return nil }
        for value in Self.allCases
        where Meaning.normalize(value.rawValue) == wanted || value.names.contains(where: { Meaning.normalize($0) == wanted }) {
            self = value
            return
        }
        return nil
    }
}
