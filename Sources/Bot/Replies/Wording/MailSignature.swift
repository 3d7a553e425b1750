import Config
import Wording

/// Who signs the bot's mails and whom to ask (`signature.*` in the configuration): the
/// department's name per language, a contact person, a phone and a room.
public struct MailSignature: Sendable, Equatable {
    public var department: [WordingLanguage: String]
    public var contact: String?
    public var phone: String?
    public var room: String?
    public var email: String?

    public init(department: [WordingLanguage: String] = [:], contact: String? = nil, phone: String? = nil,
                room: String? = nil, email: String? = nil) {
        self.department = department
        self.contact = contact
        self.phone = phone
        self.room = room
        self.email = email
    }

    public init(_ settings: CPDBotConfiguration.Signature) {
        self.init(department: [.kk: settings.departmentKK, .ru: settings.departmentRU, .en: settings.departmentEN]
                    .compactMapValues { $0 },
                  contact: settings.contact, phone: settings.phone, room: settings.room, email: settings.email)
    }

    /// `{{signature.department}}`, `{{signature.contact}}`, … and `{{#signature.has_contact}}`.
    func values(_ language: WordingLanguage) -> [String: Any] {
        var values: [String: Any] = ["department": department[language] ?? Glossary.term("department", in: language)]
        if let contact { values["contact"] = contact }
        if let phone { values["phone"] = phone }
        if let room { values["room"] = room }
        if let email { values["email"] = email }
        values["has_contact"] = contact != nil || phone != nil || room != nil || email != nil
        return values
    }
}
