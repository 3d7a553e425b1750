/// CLDR plural categories for cardinal numbers, as far as kk, ru and en use them.
public enum PluralCategory: String, Sendable, CaseIterable {
    case one, few, many, other

    /// Russian: 1, 21, 101 → one; 2–4, 22–24 → few; 0, 5–20, 11–14, 25 → many.
    /// English: 1 → one, else other. Kazakh puts the singular after every number: one.
    public static func of(_ number: Int, in language: WordingLanguage) -> PluralCategory {
        let n = abs(number)
        switch language {
        case .kk:
            return .one
        case .en:
            return n == 1 ? .one : .other
        case .ru:
            let lastTwo = n % 100, last = n % 10
            if last == 1 && lastTwo != 11 { return .one }
            if (2...4).contains(last) && !(12...14).contains(lastTwo) { return .few }
            return .many
        }
    }
}

/// The forms of one noun (or noun phrase) after a number.
public struct NounForms: Sendable, Equatable, Decodable {
    /// The form after 1 (and after every number in Kazakh).
    public var one: String
    /// Russian: after 2–4, 22–24 …; nil falls back to `many`, then `one`.
    public var few: String?
    /// Russian: after 0, 5–20, 25 …; nil falls back to `other`, then `one`.
    public var many: String?
    /// English: after any number but 1; nil falls back to `one`.
    public var other: String?

    /// The forms of one noun; those a language does not use stay nil.
    public init(one: String, few: String? = nil, many: String? = nil, other: String? = nil) {
        self.one = one
        self.few = few
        self.many = many
        self.other = other
    }

    /// The form for `number` in `language`, falling back to `many`, then `other`, then `one`.
    public func form(for number: Int, in language: WordingLanguage) -> String {
        switch PluralCategory.of(number, in: language) {
        case .one: return one
        case .few: return few ?? many ?? other ?? one
        case .many: return many ?? other ?? one
        case .other: return other ?? many ?? one
        }
    }

    /// "3 курса", "1 course", "5 курс".
    public func counted(_ number: Int, in language: WordingLanguage) -> String {
        Numbers.grouped(number) + "\u{00A0}" + form(for: number, in: language)
    }
}
