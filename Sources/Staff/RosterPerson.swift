import Foundation

/// One person the bot knows (a row of `roster.csv`).
public struct RosterPerson: Equatable, Hashable, Sendable {
    /// Teaching staff (PPS) or administrative staff (ABP): which courses are theirs.
    public enum Category: String, CaseIterable, Sendable { case pps = "PPS", abp = "ABP" }
    /// What the person may send: `head` applications for their unit, `dshr` commands and Plans.
    public enum Role: String, CaseIterable, Sendable { case staff, head, dshr }
    /// The language of every letter the person gets.
    public enum Language: String, CaseIterable, Sendable { case kk, ru, en }

    /// Lower-case address.
    public var email: String
    /// The name as the roster writes it (surname first).
    public var fullName: String
    /// PPS or ABP.
    public var category: Category
    /// The unit's name as the roster writes it (Kazakh).
    public var unit: String
    /// What the person may send the bot.
    public var role: Role
    /// Leadership (§6.3.2): management training every five years.
    public var leadership: Bool
    /// The language of every message this person gets.
    public var language: Language
    /// Optional roster columns `given_name` and `patronymic`: how a letter greets the person
    /// ("Құрметті Әлібек Қайратұлы!"); without them the greeting splits `fullName`.
    public var givenName: String?
    /// See `givenName`.
    public var patronymic: String?

    /// A person; `email` is stored lower-case.
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

    /// The seven required columns of the person's roster row, in `RosterReader.columns` order.
    var tableFields: [String] {
        [email, fullName, category.rawValue, unit, role.rawValue, leadership ? "yes" : "no", language.rawValue]
    }
}
