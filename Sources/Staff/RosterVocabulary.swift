import Foundation

/// The words a roster may be written in: header names and values in Kazakh, Russian and
/// English besides `roster.csv`'s own keys (DSHR sends rosters in its own words). Matching is
/// by meaning: case, `ё`/`е`, punctuation and spacing do not count ("E-mail" = "e mail").
enum RosterVocabulary {
    /// Every name a column's header may have, the key (`full_name`) included.
    static let headerNames: [String: [String]] = [
        "email": ["email", "e-mail", "e mail", "mail", "почта", "электронная почта", "адрес электронной почты",
                  "эл почта", "электрондық пошта", "электронды пошта", "пошта"],
        "full_name": ["full_name", "full name", "name", "фио", "ф и о", "аты жөні", "тегі аты әкесінің аты",
                      "тегі аты", "фамилия имя отчество"],
        "category": ["category", "категория", "санат", "санаты"],
        "unit": ["unit", "department", "подразделение", "структурное подразделение", "бөлімше",
                 "құрылымдық бөлімше", "бөлім"],
        "role": ["role", "роль", "рөл", "рөлі"],
        "leadership": ["leadership", "руководство", "руководящая должность", "басшылық", "басшылық лауазым"],
        "lang": ["lang", "language", "язык", "язык писем", "тіл", "тілі", "хат тілі"],
        "given_name": ["given_name", "given name", "first name", "имя", "аты"],
        "patronymic": ["patronymic", "отчество", "әкесінің аты"],
    ]

    /// The column a header names, or nil for a column the roster does not know.
    static func column(named header: String) -> String? {
        let wanted = normalize(header)
        guard !wanted.isEmpty else { return nil }
        return normalizedHeaders[wanted]
    }

    private static let normalizedHeaders: [String: String] = {
        var result: [String: String] = [:]
        for (column, names) in headerNames {
            for name in names { result[normalize(name)] = column }
        }
        return result
    }()

    /// PPS or ABP, as the Regulation's tables write them.
    static func category(_ text: String) -> RosterPerson.Category? {
        switch normalize(text) {
        case "pps", "ппс", "поқ", "пок", "teaching staff", "профессорско преподавательский состав",
             "профессорлық оқытушылық құрам":
            .pps
        case "abp", "aup", "абп", "ауп", "әбп", "administrative staff", "административно управленческий персонал",
             "әкімшілік басқару персоналы":
            .abp
        default: nil
        }
    }

    /// Yes or no.
    static func yesOrNo(_ text: String) -> Bool? {
        switch normalize(text) {
        case "yes", "y", "true", "1", "да", "иә", "ия", "+": true
        case "no", "n", "false", "0", "нет", "жоқ", "-": false
        default: nil
        }
    }

    /// What the person may send.
    static func role(_ text: String) -> RosterPerson.Role? {
        switch normalize(text) {
        case "staff", "сотрудник", "работник", "қызметкер": .staff
        case "head", "руководитель", "басшы", "заведующий", "меңгеруші": .head
        case "dshr": .dshr
        default: nil
        }
    }

    /// The language of the person's letters.
    static func language(_ text: String) -> RosterPerson.Language? {
        switch normalize(text) {
        case "kk", "kz", "kaz", "kazakh", "қаз", "каз", "қазақ", "қазақша", "қазақ тілі", "казахский", "kk kz": .kk
        case "ru", "rus", "russian", "рус", "русский", "орыс", "орысша", "орыс тілі": .ru
        case "en", "eng", "english", "англ", "английский", "ағылшын", "ағылшынша", "ағылшын тілі": .en
        default: nil
        }
    }

    /// An address as written in a cell: trimmed, lower case, without `mailto:` or `<…>`.
    static func address(_ text: String) -> String {
        var address = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if address.hasPrefix("mailto:") { address.removeFirst("mailto:".count) }
        if address.hasPrefix("<"), address.hasSuffix(">") { address = String(address.dropFirst().dropLast()) }
        return address
    }

    /// Lower case, `ё`→`е`, every run of non-letters/digits to one space, trimmed
    /// ("E-mail" → "e mail", "Ф.И.О." → "ф и о"); `+` and `-` alone are kept (a yes/no column).
    static func normalize(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed == "+" || trimmed == "-" { return trimmed }
        var result = ""
        var pendingSpace = false
        for scalar in trimmed.lowercased().unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil {
                if pendingSpace, !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar == "ё" ? "е" : scalar)
            } else {
                pendingSpace = true
            }
        }
        return result
    }
}
