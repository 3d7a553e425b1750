import Foundation

/// Which unit an application's rows name (their school/unit column), against the roster's
/// units: a head of Accounting sending the Law School's list must not have it stored as
/// Accounting's. Pure: names in, a unit out.
public enum UnitMatch {
    /// The roster unit the rows name when it is another than `sender`'s: every named value that
    /// is a roster unit is that other unit. nil when the rows name no roster unit (an empty
    /// column, an abbreviation nobody can place) or name the sender's own.
    public static func otherUnit(named values: [String], sender: String, units: [String]) -> String? {
        let known = units.map { ($0, fold($0)) }
        var named: Set<String> = []
        for value in values {
            let folded = fold(value)
            guard !folded.isEmpty, let unit = known.first(where: { $0.1 == folded })?.0 else { continue }
            named.insert(unit)
        }
        // Naming the sender's unit (alone or with others, a shared course) keeps it the sender's.
        if named.contains(sender) { return nil }
        return named.sorted().first
    }

    /// Case, `ё`/`е`, spaces and punctuation do not tell units apart.
    static func fold(_ text: String) -> String {
        String(text.lowercased().replacingOccurrences(of: "ё", with: "е").unicodeScalars
            .filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}
