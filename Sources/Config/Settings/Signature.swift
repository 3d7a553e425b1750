extension CPDBotConfiguration {
    /// Who signs every mail and whom people may ask (`signature.*`): the department's name in
    /// each language (the Regulation's name when not set), a contact person, phone, room and
    /// address. Every closing shows them, so that no notice leaves a person without someone to call.
    public struct Signature: Sendable, Equatable {
        /// The department's name in Kazakh (`signature.department_kk`).
        public var departmentKK: String?
        /// The department's name in Russian (`signature.department_ru`).
        public var departmentRU: String?
        /// The department's name in English (`signature.department_en`).
        public var departmentEN: String?
        /// The person to contact (`signature.contact`), in every language unless given for one.
        public var contact: String?
        /// The contact's name as Kazakh mails write it (`signature.contact_kk`), when it differs.
        public var contactKK: String?
        /// The contact's name as Russian mails write it (`signature.contact_ru`), e.g. with the patronymic.
        public var contactRU: String?
        /// The contact's name as English mails write it (`signature.contact_en`), in Latin letters.
        public var contactEN: String?
        /// The phone to call (`signature.phone`).
        public var phone: String?
        /// The room to visit (`signature.room`).
        public var room: String?
        /// The address to write to (`signature.email`).
        public var email: String?

        /// A closing; unset fields are left out of the mails.
        public init(departmentKK: String? = nil, departmentRU: String? = nil, departmentEN: String? = nil,
                    contact: String? = nil, contactKK: String? = nil, contactRU: String? = nil,
                    contactEN: String? = nil, phone: String? = nil, room: String? = nil, email: String? = nil) {
            self.departmentKK = departmentKK
            self.departmentRU = departmentRU
            self.departmentEN = departmentEN
            self.contact = contact
            self.contactKK = contactKK
            self.contactRU = contactRU
            self.contactEN = contactEN
            self.phone = phone
            self.room = room
            self.email = email
        }
    }
}
