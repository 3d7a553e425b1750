/// A person's name split for a greeting: the roster writes names surname first
/// ("Сейтқали Әлібек Қайратұлы"), people are greeted by given name and patronymic.
public struct PersonName: Sendable, Equatable {
    /// Read from the patronymic (`gender`); chooses the gendered words of a greeting.
    public enum Gender: Sendable, Equatable { case male, female }

    /// The family name; nil when only a given name is known.
    public var surname: String?
    /// The given name.
    public var given: String
    /// The patronymic (-ович/-овна, -ұлы/-қызы), when there is one.
    public var patronymic: String?

    /// A name from its parts.
    public init(surname: String?, given: String, patronymic: String?) {
        self.surname = surname
        self.given = given
        self.patronymic = patronymic
    }

    /// Splits a full name. Cyrillic names are read surname first (the roster's order, and how
    /// Kazakh and Russian documents write them); a patronymic is recognised by its ending
    /// (-ұлы/-қызы, -ович/-овна, …, also written apart: "Қайрат ұлы"). Latin names are read
    /// given name first ("Anna Smith") unless the last word is a patronymic.
    public static func parse(fullName: String) -> PersonName? {
        var words = fullName.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        guard !words.isEmpty else { return nil }
        // "Қайрат ұлы", "Айгүл қызы": the patronymic written as two words.
        if words.count >= 3, ["ұлы", "улы", "қызы", "кызы", "оглы", "uly", "kyzy"].contains(words[words.count - 1].lowercased()) {
            let particle = words.removeLast()
            words[words.count - 1] += " " + particle
        }
        // One word, or something that is not a name ("Қызметкер 1203"): greet by what is written.
        if words.count == 1 || words.contains(where: { !$0.contains(where: \.isLetter) }) {
            return PersonName(surname: nil, given: words.joined(separator: " "), patronymic: nil)
        }
        let hasPatronymic = words.count >= 3 && patronymicGender(words[words.count - 1]) != nil
        if hasPatronymic {
            return PersonName(surname: words[0], given: words[1..<(words.count - 1)].joined(separator: " "),
                              patronymic: words[words.count - 1])
        }
        // Latin names, and "Айгерим Сатпаева": given name first when the last word, not the
        // first, has a surname's ending.
        if isLatin(words[0]) || (words.count == 2 && looksLikeSurname(words[1]) && !looksLikeSurname(words[0])) {
            return PersonName(surname: words[words.count - 1], given: words[0..<(words.count - 1)].joined(separator: " "),
                              patronymic: nil)
        }
        return PersonName(surname: words[0], given: words[1...].joined(separator: " "), patronymic: nil)
    }

    /// From the patronymic, else from a Russian-style surname ending (-ова/-ева/-ина, -ов/-ев/-ин).
    public var gender: Gender? {
        if let patronymic, let gender = Self.patronymicGender(patronymic) { return gender }
        guard let surname = surname?.lowercased() else { return nil }
        if ["ова", "ева", "ёва", "ина", "ына", "ская", "цкая"].contains(where: surname.hasSuffix) { return .female }
        if ["ов", "ев", "ёв", "ин", "ын", "ский", "цкий"].contains(where: surname.hasSuffix) { return .male }
        return nil
    }

    static let surnameEndings = ["ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "енко"]

    static func looksLikeSurname(_ word: String) -> Bool {
        let lower = word.lowercased()
        return surnameEndings.contains(where: lower.hasSuffix)
    }

    static func patronymicGender(_ word: String) -> Gender? {
        let lower = String(word.lowercased().filter { $0 != " " })
        if ["ұлы", "улы", "оглы", "ович", "евич", "ёвич", "ич", "uly", "ovich", "evich"].contains(where: lower.hasSuffix) { return .male }
        if ["қызы", "кызы", "овна", "евна", "ёвна", "ична", "kyzy", "qyzy", "ovna", "evna"].contains(where: lower.hasSuffix) { return .female }
        return nil
    }

    static func isLatin(_ word: String) -> Bool {
        word.unicodeScalars.contains { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }
    }

    /// The opening line of a letter to this person, or to an unnamed colleague when `name` is nil.
    public static func salutation(_ name: PersonName?, language: WordingLanguage) -> String {
        guard let name else {
            switch language {
            case .kk: return "Құрметті әріптес!"
            case .ru: return "Уважаемый коллега!"
            case .en: return "Dear colleague,"
            }
        }
        switch language {
        case .kk:
            return "Құрметті " + ([name.given] + [name.patronymic].compactMap { $0 }).joined(separator: " ") + "!"
        case .ru:
            let address = switch name.gender {
            case .male: "Уважаемый"
            case .female: "Уважаемая"
            case nil: "Уважаемый(ая)"
            }
            // Without a patronymic a Russian letter names the person in full: given name and surname.
            let words = name.patronymic != nil ? [name.given, name.patronymic!] : [name.given] + [name.surname].compactMap { $0 }
            return address + " " + words.joined(separator: " ") + "!"
        case .en:
            return "Dear " + ([name.given] + [name.surname].compactMap { $0 }).joined(separator: " ") + ","
        }
    }
}
