public import Config
public import Wording

/// Who signs the bot's mails and whom to ask (`signature.*` in the configuration): the
/// department's name per language, a contact person, a phone and a room.
public struct MailSignature: Sendable, Equatable {
    /// The department's name per language (`signature.department_*`).
    public var department: [WordingLanguage: String]
    /// The person to contact (`signature.contact`), in the languages `contactByLanguage` leaves out.
    public var contact: String?
    /// The contact's name where a language writes it otherwise (`signature.contact_kk`, `_ru`, `_en`):
    /// a Kazakh name in Latin letters for English, with the patronymic for Russian.
    public var contactByLanguage: [WordingLanguage: String]
    /// The phone to call (`signature.phone`).
    public var phone: String?
    /// The room to visit (`signature.room`).
    public var room: String?
    /// The address to write to (`signature.email`).
    public var email: String?

    /// A closing; missing parts are left out of the mail.
    public init(department: [WordingLanguage: String] = [:], contact: String? = nil,
                contactByLanguage: [WordingLanguage: String] = [:], phone: String? = nil,
                room: String? = nil, email: String? = nil) {
        self.department = department
        self.contact = contact
        self.contactByLanguage = contactByLanguage
        self.phone = phone
        self.room = room
        self.email = email
    }

    /// The closing the configuration's `signature.*` describes.
    public init(_ settings: CPDBotConfiguration.Signature) {
        self.init(department: [.kk: settings.departmentKK, .ru: settings.departmentRU, .en: settings.departmentEN]
                    .compactMapValues { $0 },
                  contact: settings.contact,
                  contactByLanguage: [.kk: settings.contactKK, .ru: settings.contactRU, .en: settings.contactEN]
                    .compactMapValues { $0 },
                  phone: settings.phone, room: settings.room, email: settings.email)
    }

    /// `{{signature.department}}`, `{{signature.contact}}`, … and `{{#signature.has_contact}}`.
    func values(_ language: WordingLanguage) -> [String: Any] {
        var values: [String: Any] = ["department": department[language] ?? Glossary.term("department", in: language)]
        let contact = contactByLanguage[language] ?? contact
        if let contact { values["contact"] = contact }
        if let phone { values["phone"] = phone }
        if let room { values["room"] = room }
        if let email { values["email"] = email }
        values["has_contact"] = contact != nil || phone != nil || room != nil || email != nil
        return values
    }
}
