extension CPDBotConfiguration {
    /// Who signs every mail and whom people may ask (`signature.*`): the department's name in
    /// each language (the Regulation's name when not set), a contact person, phone, room and
    /// address. Every closing shows them, so that no notice leaves a person without someone to call.
    public struct Signature: Sendable, Equatable {
        public var departmentKK: String?
        public var departmentRU: String?
        public var departmentEN: String?
        public var contact: String?
        public var phone: String?
        public var room: String?
        public var email: String?

        public init(departmentKK: String? = nil, departmentRU: String? = nil, departmentEN: String? = nil,
                    contact: String? = nil, phone: String? = nil, room: String? = nil, email: String? = nil) {
            self.departmentKK = departmentKK
            self.departmentRU = departmentRU
            self.departmentEN = departmentEN
            self.contact = contact
            self.phone = phone
            self.room = room
            self.email = email
        }
    }
}
