import Curl
import Foundation
import Testing
@testable import Mail

extension MailIntegrationTests {
    @Suite struct SMTPSendTests {
        func submission(_ sandbox: Sandbox, user: String, password: String? = nil) throws -> SMTPClient {
            try SMTPClient(settings: sandbox.settings(user: user, url: Sandbox.submissionURL, password: password))
        }

        /// Waits for Postfix → LMTP → Dovecot to deliver, then returns the body found over IMAP.
        func delivered(_ sandbox: Sandbox, to user: String, messageID: String) throws -> Data? {
            let client = try sandbox.imap(user)
            defer { client.logout() }
            for _ in 0..<100 {
                try client.select("INBOX")
                let found = try client.searchUIDs(header: "Message-ID", value: "<\(messageID)>")
                if !found.isEmpty {
                    var body: Data?
                    try client.fetch(uids: found) { body = $0.body }
                    return body
                }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return nil
        }

        @Test func oneUnknownRecipientIsRefusedAndTheOthersGetTheMessage() throws {
            let sandbox = try Sandbox.open()
            let recipients = ["staff1951@kazguu.kz", "nobody-at-all-1950@kazguu.kz", "staff1952@kazguu.kz"]
            try sandbox.reset("staff1951@kazguu.kz")
            try sandbox.reset("staff1952@kazguu.kz")
            let id = "smtp-\(UUID().uuidString)@cpdbot.test"
            let message = TestMessage.make(id: id, subject: "three recipients", bodyBytes: 6_000)
            let client = try submission(sandbox, user: "staff1950@kazguu.kz")
            let report = try client.send(message, from: "staff1950@kazguu.kz", to: recipients)

            #expect(report.accepted == ["staff1951@kazguu.kz", "staff1952@kazguu.kz"])
            guard case .permanentFailure(let code, let reply) = report.perRecipient["nobody-at-all-1950@kazguu.kz"] else {
                Issue.record("expected a permanent failure, got \(String(describing: report.perRecipient))")
                return
            }
            #expect(code == 550)
            #expect(reply.contains("5.1.1"))
            for user in ["staff1951@kazguu.kz", "staff1952@kazguu.kz"] {
                let body = try #require(try delivered(sandbox, to: user, messageID: id), "not delivered to \(user)")
                #expect(body.range(of: Data("Subject: three recipients".utf8)) != nil)
                #expect(body.range(of: message.suffix(2_000)) != nil)
            }
        }

        @Test func oneConnectionServesManyMessagesEvenAfterARefusal() throws {
            let sandbox = try Sandbox.open()
            try sandbox.reset("staff1953@kazguu.kz")
            let client = try submission(sandbox, user: "staff1950@kazguu.kz")
            let refused = try client.send(TestMessage.make(id: "none@cpdbot.test"), from: "staff1950@kazguu.kz",
                                          to: ["nobody-1953@kazguu.kz"])
            #expect(refused.accepted.isEmpty)
            #expect(refused.refused == ["nobody-1953@kazguu.kz"])
            for index in 1...5 {
                let report = try client.send(TestMessage.make(id: "reuse-\(index)@cpdbot.test"),
                                             from: "staff1950@kazguu.kz", to: ["staff1953@kazguu.kz"])
                #expect(report.perRecipient == ["staff1953@kazguu.kz": .accepted])
            }
            #expect(try delivered(sandbox, to: "staff1953@kazguu.kz", messageID: "reuse-5@cpdbot.test") != nil)
        }

        @Test func wrongPasswordGivesTheLoginError() throws {
            let sandbox = try Sandbox.open()
            let client = try submission(sandbox, user: "staff1950@kazguu.kz", password: "wrong-password")
            let error = try #require(throws: MailError.self) {
                try client.send(TestMessage.make(id: "x@cpdbot.test"), from: "staff1950@kazguu.kz", to: ["staff1951@kazguu.kz"])
            }
            #expect(error.description.hasPrefix("could not log in to 127.0.0.1:10587 as staff1950@kazguu.kz: authentication failed"))
            #expect(!error.description.contains("wrong-password"))
        }

        @Test func hostileAddressesAreRejectedBeforeSending() throws {
            let sandbox = try Sandbox.open()
            let client = try submission(sandbox, user: "staff1950@kazguu.kz")
            for bad in ["a@b.kz>\r\nRCPT TO:<x@y.kz", "", "no-at-sign", "a b@c.kz"] {
                #expect(throws: MailError.self) {
                    try client.send(Data("x".utf8), from: "staff1950@kazguu.kz", to: [bad])
                }
            }
            #expect(throws: MailError.self) { try client.send(Data("x".utf8), from: "staff1950@kazguu.kz", to: []) }
        }
    }
}
