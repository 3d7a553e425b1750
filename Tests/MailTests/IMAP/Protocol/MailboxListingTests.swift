import Testing
@testable import Mail

/// `LIST` and `NAMESPACE` as Dovecot, Exchange Online, Gmail and Courier-style servers send
/// them → the folders the bot uses.
@Suite struct MailboxListingTests {
    static func values(_ wire: String) throws -> (String, [IMAPValue]) {
        var framer = ResponseFramer()
        try framer.append(Array(wire.utf8))
        let next = framer.next()
        let raw = try #require(next)
        guard case .untagged(.other(let name, let values)) = try ResponseParser.parse(raw) else {
            Issue.record("not an untagged response: \(wire)")
            return ("", [])
        }
        return (name, values)
    }

    static func listed(_ wire: String) throws -> ListedMailbox? {
        let (name, values) = try values(wire)
        #expect(name == "LIST")
        return MailboxListing.mailbox(values)
    }

    @Test func quotedNameWithSpecialUse() throws {
        let mailbox = try #require(try Self.listed("* LIST (\\HasNoChildren \\Sent) \"/\" \"Sent Items\"\r\n"))
        #expect(mailbox == ListedMailbox(name: "Sent Items", separator: "/", attributes: ["\\hasnochildren", "\\sent"]))
        #expect(mailbox.isSent && mailbox.isSelectable)
    }

    @Test func gmailNames() throws {
        let sent = try #require(try Self.listed("* LIST (\\HasNoChildren \\Sent) \"/\" \"[Gmail]/Sent Mail\"\r\n"))
        #expect(sent.name == "[Gmail]/Sent Mail" && sent.isSent)
        let parent = try #require(try Self.listed("* LIST (\\HasChildren \\Noselect) \"/\" \"[Gmail]\"\r\n"))
        #expect(!parent.isSelectable && !parent.isSent)
    }

    @Test func atomNameAndCaseOfInbox() throws {
        let inbox = try #require(try Self.listed("* LIST (\\HasChildren) \".\" inbox\r\n"))
        #expect(inbox.name == "INBOX" && inbox.separator == ".")
        let sent = try #require(try Self.listed("* LIST (\\HasNoChildren \\Sent) \".\" INBOX.Sent\r\n"))
        #expect(sent.name == "INBOX.Sent" && sent.isSent)
    }

    @Test func literalNameInModifiedUTF7() throws {
        let wire = "* LIST (\\Sent \\HasNoChildren) \"/\" {34}\r\n&BB4EQgQ,BEAEMAQyBDsENQQ9BD0ESwQ1-\r\n"
        let mailbox = try #require(try Self.listed(wire))
        #expect(mailbox.name == "Отправленные" && mailbox.isSent)
    }

    @Test func flatNamespaceHasNoSeparator() throws {
        let mailbox = try #require(try Self.listed("* LIST () NIL Archive\r\n"))
        #expect(mailbox.separator == nil && mailbox.name == "Archive" && mailbox.attributes.isEmpty)
    }

    @Test func escapedQuotesInName() throws {
        let mailbox = try #require(try Self.listed("* LIST () \"/\" \"Old \\\"mail\\\"\"\r\n"))
        #expect(mailbox.name == "Old \"mail\"")
    }

    @Test(arguments: ["* LIST \"/\" Sent\r\n", "* LIST (\\Sent) \"//\" Sent\r\n", "* LIST (\\Sent) \"/\"\r\n"])
    func unreadableLinesAreSkipped(wire: String) throws {
        #expect(try Self.listed(wire) == nil)
    }

    @Test func namespaces() throws {
        let (name, dovecot) = try Self.values("* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n")
        #expect(name == "NAMESPACE")
        #expect(MailboxListing.personalNamespaces(dovecot) == [IMAPNamespace(prefix: "", separator: "/")])
        let (_, courier) = try Self.values("* NAMESPACE ((\"INBOX.\" \".\")) NIL ((\"#shared.\" \".\"))\r\n")
        #expect(MailboxListing.personalNamespaces(courier) == [IMAPNamespace(prefix: "INBOX.", separator: ".")])
        let (_, flat) = try Self.values("* NAMESPACE ((\"\" NIL)) ((\"~\" \"/\")) NIL\r\n")
        #expect(MailboxListing.personalNamespaces(flat) == [IMAPNamespace(prefix: "", separator: nil)])
        let (_, none) = try Self.values("* NAMESPACE NIL NIL NIL\r\n")
        #expect(MailboxListing.personalNamespaces(none) == [])
    }

    // MARK: Choosing the folders

    static let exchange = [
        ListedMailbox(name: "INBOX", separator: "/", attributes: ["\\haschildren"]),
        ListedMailbox(name: "Sent Items", separator: "/", attributes: ["\\sent", "\\hasnochildren"]),
        ListedMailbox(name: "Deleted Items", separator: "/", attributes: ["\\trash"]),
    ]

    @Test func sentMarkedBySpecialUseWins() {
        let folders = ServerFolders.resolve(listed: Self.exchange, namespaces: [IMAPNamespace(prefix: "", separator: "/")],
                                            sentFallback: "Sent")
        #expect(folders.sent == "Sent Items" && folders.sentIsSpecialUse)
        #expect(folders.path(for: "Processed") == "Processed")
        #expect(folders.path(for: "Архив/Processed") == "Архив/Processed")
    }

    @Test func namespacePrefixAndSeparator() {
        let listed = [
            ListedMailbox(name: "INBOX", separator: ".", attributes: []),
            ListedMailbox(name: "INBOX.Sent", separator: ".", attributes: ["\\sent"]),
        ]
        let folders = ServerFolders.resolve(listed: listed, namespaces: [IMAPNamespace(prefix: "INBOX.", separator: ".")],
                                            sentFallback: "Sent")
        #expect(folders.sent == "INBOX.Sent" && folders.sentIsSpecialUse)
        #expect(folders.path(for: "Processed") == "INBOX.Processed")
        #expect(folders.path(for: "INBOX.Rejected") == "INBOX.Rejected")
        #expect(folders.path(for: "Архив/Өңделген") == "INBOX.Архив.Өңделген")
        #expect(folders.path(for: "inbox") == "INBOX")
    }

    @Test func fallbackWhenNothingIsMarked() {
        let plain = [ListedMailbox(name: "INBOX", separator: ".", attributes: []),
                     ListedMailbox(name: "INBOX.Sent", separator: ".", attributes: [])]
        let prefixed = ServerFolders.resolve(listed: plain, namespaces: [IMAPNamespace(prefix: "INBOX.", separator: ".")],
                                             sentFallback: "Sent")
        #expect(prefixed.sent == "INBOX.Sent" && !prefixed.sentIsSpecialUse)
        // No NAMESPACE: the separator comes from LIST; a missing Sent is to be created.
        let bare = ServerFolders.resolve(listed: [ListedMailbox(name: "INBOX", separator: "/", attributes: [])],
                                         namespaces: [], sentFallback: "Отправленные")
        #expect(bare.sent == "Отправленные" && bare.personal == IMAPNamespace(prefix: "", separator: "/"))
        // A \Sent mailbox that cannot be selected is no Sent folder.
        let noselect = ServerFolders.resolve(listed: [ListedMailbox(name: "Sent", separator: "/", attributes: ["\\sent", "\\noselect"])],
                                             namespaces: [], sentFallback: "Sent Messages")
        #expect(noselect.sent == "Sent Messages" && !noselect.sentIsSpecialUse)
    }

    @Test func sentUnderThePersonalNamespaceIsPreferred() {
        let listed = [
            ListedMailbox(name: "#shared.Sent", separator: ".", attributes: ["\\sent"]),
            ListedMailbox(name: "INBOX.Sent", separator: ".", attributes: ["\\sent"]),
        ]
        let folders = ServerFolders.resolve(listed: listed, namespaces: [IMAPNamespace(prefix: "INBOX.", separator: ".")],
                                            sentFallback: "Sent")
        #expect(folders.sent == "INBOX.Sent")
    }
}
