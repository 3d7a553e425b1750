import Foundation

/// One person the bot knows (a row of `roster.csv`).
public struct RosterPerson: Equatable, Hashable, Sendable {
    public enum Category: String, CaseIterable, Sendable { case pps = "PPS", abp = "ABP" }
    public enum Role: String, CaseIterable, Sendable { case staff, head, dshr }
    public enum Language: String, CaseIterable, Sendable { case kk, ru, en }

    /// Lower-case address.
    public var email: String
    public var fullName: String
    public var category: Category
    /// The unit's name as the roster writes it (Kazakh).
    public var unit: String
    public var role: Role
    public var leadership: Bool
    /// The language of every message this person gets.
    public var language: Language
    /// Optional roster columns `given_name` and `patronymic`: how a letter greets the person
    /// ("Құрметті Әлібек Қайратұлы!"); without them the greeting splits `fullName`.
    public var givenName: String?
    public var patronymic: String?

    public init(
        email: String, fullName: String, category: Category, unit: String, role: Role,
        leadership: Bool, language: Language, givenName: String? = nil, patronymic: String? = nil
    ) {
        self.givenName = givenName
        self.patronymic = patronymic
        self.email = email.lowercased()
        self.fullName = fullName
        self.category = category
        self.unit = unit
        self.role = role
        self.leadership = leadership
        self.language = language
    }

    /// The row as it is written back to `roster.csv`.
    var csvFields: [String] {
        [email, fullName, category.rawValue, unit, role.rawValue, leadership ? "yes" : "no", language.rawValue]
    }
}
