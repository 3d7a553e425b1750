import Foundation
import Testing
@testable import Mail

extension MailIntegrationTests {
    @Suite struct IMAPMailboxTests {
        @Test(arguments: [false, true])
        func appendSearchByMessageIDAndMoveRoundTrip(withoutMoveCapability: Bool) throws {
            let sandbox = try Sandbox.open()
            let user = withoutMoveCapability ? "staff1911@kazguu.kz" : "staff1910@kazguu.kz"
            try sandbox.reset(user)
            let client = try sandbox.imap(user)
            defer { client.logout() }
            if withoutMoveCapability { client.ignoredCapabilities = ["MOVE"] }

            let id = "roundtrip-\(UUID().uuidString)@cpdbot.test"
            let message = TestMessage.make(id: id, subject: "round trip", bodyBytes: 3_000)
            try client.append(TestMessage.make(id: "other@cpdbot.test"), to: "INBOX")
            let appended = try client.append(message, to: "INBOX", flags: ["\\Flagged"])
            let status = try client.select("INBOX")
            #expect(status.exists == 2)

            let found = try client.searchUIDs(header: "Message-ID", value: "<\(id)>")
            #expect(found.count == 1)
            #expect(found.first == appended)
            let uid = try #require(found.first)

            // The target does not exist yet: the move creates it ([TRYCREATE]) and retries.
            try client.move(uid: uid, to: "Processed/2026")
            #expect(try client.searchUIDs(header: "Message-ID", value: "<\(id)>").isEmpty)
            #expect(try client.searchUIDs("ALL").count == 1)

            try client.select("Processed/2026")
            let moved = try client.searchUIDs(header: "Message-ID", value: "<\(id)>")
            #expect(moved.count == 1)
            var bodies: [Data] = []
            var flags: [String] = []
            try client.fetch(uids: moved) { bodies.append($0.body ?? Data()); flags = $0.flags }
            #expect(bodies == [message])
            #expect(flags.contains("\\Flagged"))
            #expect(!flags.contains("\\Seen"))
        }

        @Test func createIfMissingIsIdempotentAndStoreChangesFlags() throws {
            let sandbox = try Sandbox.open()
            let user = "staff1912@kazguu.kz"
            try sandbox.reset(user)
            let client = try sandbox.imap(user)
            defer { client.logout() }
            try client.createIfMissing("Sent")
            try client.createIfMissing("Sent")
            try client.createIfMissing("Қабылданды")  // non-ASCII: modified UTF-7 on the wire
            try client.createIfMissing("Қабылданды")
            let uid = try #require(try client.append(TestMessage.make(id: "sent-1@cpdbot.test"), to: "Sent", flags: ["\\Seen"]))
            try client.select("Sent")
            try client.store(uid: uid, flags: ["$CpdbotSent", "\\Answered"], .add)
            try client.store(uid: uid, flags: ["\\Seen"], .remove)
            var flags: [String] = []
            try client.fetch(uids: [uid]) { flags = $0.flags }
            #expect(Set(flags).isSuperset(of: ["$CpdbotSent", "\\Answered"]))
            #expect(!flags.contains("\\Seen"))
            #expect(try client.searchUIDs("UNSEEN") == [uid])
        }

        @Test func searchesForNonASCIIHeaderValues() throws {
            let sandbox = try Sandbox.open()
            let user = "staff1913@kazguu.kz"
            try sandbox.reset(user)
            let client = try sandbox.imap(user)
            defer { client.logout() }
            // RFC 2047 encoded subject: the server decodes it for SEARCH.
            let subject = "=?UTF-8?B?\(Data("Өтінім: біліктілікті арттыру".utf8).base64EncodedString())?="
            let uid = try client.append(TestMessage.make(id: "kk@cpdbot.test", subject: subject), to: "INBOX")
            try client.append(TestMessage.make(id: "en@cpdbot.test", subject: "Application"), to: "INBOX")
            try client.select("INBOX")
            #expect(try client.searchUIDs(header: "Subject", value: "біліктілікті") == [uid].compactMap { $0 })
            #expect(try client.searchUIDs(header: "Subject", value: "Application").count == 1)
        }

        @Test func commandErrorsNameTheServerAndTheCommand() throws {
            let sandbox = try Sandbox.open()
            let client = try sandbox.imap("staff1912@kazguu.kz")
            defer { client.logout() }
            let error = try #require(throws: MailError.self) { try client.select("No Such Folder") }
            #expect(error.description.hasPrefix("127.0.0.1:10993 refused SELECT \"No Such Folder\": NO"))
            #expect(throws: MailError.self) { try client.searchUIDs("ALL") }  // nothing selected now
            try client.select("INBOX")
            #expect(throws: MailError.self) { try client.searchUIDs("ALL\r\nA1 LOGOUT") }
            #expect(throws: MailError.self) { try client.searchUIDs("NOT-A-CRITERION") }
            // The session survives refused commands.
            _ = try client.searchUIDs("ALL")
        }
    }
}
