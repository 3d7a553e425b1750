import Testing
@testable import MIME

@Suite struct AddressParserTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let field: String
        let expected: [Mailbox]
        var testDescription: String { field }
    }

    static let cases: [Case] = [
        Case(field: "a.user@kazguu.kz", expected: [Mailbox(displayName: nil, address: "a.user@kazguu.kz")]),
        Case(field: "Name Surname <N.Surname@KazGUU.kz>", expected: [Mailbox(displayName: "Name Surname", address: "N.Surname@KazGUU.kz")]),
        Case(field: "\"Surname, Name\" <n@x.kz>, other@x.kz", expected: [
            Mailbox(displayName: "Surname, Name", address: "n@x.kz"), Mailbox(displayName: nil, address: "other@x.kz")]),
        Case(field: "=?UTF-8?B?0KHQtdC50YLSm9Cw0LvQuCDTmNC70ZbQsdC10Log0prQsNC50YDQsNGC0rE=?=\r\n =?UTF-8?B?0LvRiw==?= <a.seitkali@kazguu.kz>",
             expected: [Mailbox(displayName: "Сейтқали Әлібек Қайратұлы", address: "a.seitkali@kazguu.kz")]),
        Case(field: "\"=?UTF-8?B?0JDQkQ==?=\" <ab@x.kz>", expected: [Mailbox(displayName: "АБ", address: "ab@x.kz")]),
        Case(field: "MAILER-DAEMON@mx.kazguu.kz (Mail Delivery System)",
             expected: [Mailbox(displayName: "Mail Delivery System", address: "MAILER-DAEMON@mx.kazguu.kz")]),
        Case(field: "\"john doe\"@example.com", expected: [Mailbox(displayName: nil, address: "\"john doe\"@example.com")]),
        Case(field: "Team: a@x.kz, B <b@x.kz>;, c@x.kz", expected: [
            Mailbox(displayName: nil, address: "a@x.kz", group: "Team"), Mailbox(displayName: "B", address: "b@x.kz", group: "Team"),
            Mailbox(displayName: nil, address: "c@x.kz")]),
        Case(field: "Undisclosed recipients:;", expected: []),
        Case(field: "Тоқтарова Мөлдір <m.toktarova@kazguu.kz>", expected: [Mailbox(displayName: "Тоқтарова Мөлдір", address: "m.toktarova@kazguu.kz")]),
        Case(field: "Ахметова С. [mailto:s.akhmetova@kazguu.kz]", expected: [Mailbox(displayName: "Ахметова С.", address: "s.akhmetova@kazguu.kz")]),
    ]

    @Test(arguments: cases)
    func parses(_ c: Case) {
        #expect(AddressParser.parseList(c.field) == c.expected)
    }

    @Test func lowercasedAccessor() {
        #expect(Mailbox(displayName: nil, address: "A.User@KazGUU.KZ").lowercasedAddress == "a.user@kazguu.kz")
    }

    @Test func messageIDs() {
        #expect(MessageIDs.parse(" <a@b>\r\n <c@d> (comment) <e@f>") == ["<a@b>", "<c@d>", "<e@f>"])
        #expect(MessageIDs.parse("bare@id.kz") == ["<bare@id.kz>"])
    }
}
