/// A header naming one part of a person's name, for tables that split the name over
/// surname / given name / patronymic columns instead of one Т.А.Ә. column.
enum NamePart: Int, Comparable {
    case surname, given, patronymic

    /// Every word one of the three parts below requires.
    static let partWords: WordSet = ["отчество", "patronymic", "әкесінің", "тегі", "фамилия", "surname", "аты", "имя", "name"]

    static func < (lhs: NamePart, rhs: NamePart) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The part a header cell names on its own, or nil (a full-name header names all three).
    static func read(_ raw: String) -> NamePart? {
        let text = FoldedText(raw)
        // Each part needs one of these words (a pair with `name` included): without any, the
        // answer is nil, and the header search asks this of every data cell it looks at.
        guard text.hasAny(partWords) else { return nil }
        let patronymic = text.has("отчество") || text.has("patronymic") || text.has("әкесінің")
            || text.hasPair("middle", "name")
        let surname = text.has("тегі") || text.has("фамилия") || text.has("surname")
            || text.hasPair("last", "name") || text.hasPair("family", "name")
        let given = (text.has("аты") && !text.has("әкесінің")) || text.has("имя")
            || text.hasPair("first", "name") || text.hasPair("given", "name")
        let full = text.has("таә") || text.has("фио") || text.hasPair("full", "name") || text.has("жөні")
        switch (surname, given, patronymic) {
        case (true, false, false) where !full: return .surname
        case (false, true, false) where !full: return .given
        case (false, false, true) where !full: return .patronymic
        default: return nil
        }
    }
}
