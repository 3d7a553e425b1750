import Testing
@testable import Mail

@Suite struct IMAPSyntaxTests {
    @Test(arguments: [
        ([5, 1, 2, 3, 9, 10, 3], "1:3,5,9:10"),
        ([7], "7"),
        ([4_294_967_295, 4_294_967_294], "4294967294:4294967295"),
    ] as [([UInt32], String)])
    func uidSets(uids: [UInt32], expected: String) {
        #expect(IMAPSyntax.uidSet(uids) == expected)
    }

    @Test func emptyUIDSetIsNil() { #expect(IMAPSyntax.uidSet([UInt32]()) == nil) }

    @Test(arguments: [
        ("INBOX", "\"INBOX\""),
        ("Sent \"old\"", "\"Sent \\\"old\\\"\""),
        ("a\\b", "\"a\\\\b\""),
    ])
    func quoting(text: String, expected: String) throws {
        #expect(try IMAPSyntax.quoted(text) == expected)
    }

    @Test(arguments: ["line\r\nA1 LOGOUT", "nul\0", "Қазақ"])
    func unquotableTextIsRefused(text: String) {
        #expect(throws: MailError.self) { try IMAPSyntax.quoted(text) }
    }

    /// RFC 3501 §5.1.3 examples and Kazakh/Russian folder names.
    @Test(arguments: [
        ("INBOX", "INBOX"),
        ("Tom & Jerry", "Tom &- Jerry"),
        ("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"),
        ("Входящие", "&BBIERQQ+BDQETwRJBDgENQ-"),
        ("Қабылданды", "&BJoEMAQxBEsEOwQ0BDAEPQQ0BEs-"),
    ])
    func modifiedUTF7(name: String, encoded: String) {
        #expect(ModifiedUTF7.encode(name) == encoded)
    }

    @Test(arguments: [["\\Seen"], ["$Cpdbot", "\\Flagged"]])
    func flagLists(flags: [String]) throws {
        #expect(try IMAPSyntax.flagList(flags) == "(" + flags.joined(separator: " ") + ")")
    }

    @Test(arguments: [["bad flag"], ["x)"], [""], ["\\Seen\r\n"]])
    func badFlagsAreRefused(flags: [String]) {
        #expect(throws: MailError.self) { try IMAPSyntax.flagList(flags) }
    }
}
