import Curl
import Foundation
import Testing
@testable import Mail

extension MailIntegrationTests {
    @Suite struct SMTPSendTests {
        func submission(_ sandbox: Sandbox, user: String, password: String? = nil) throws -> SMTPClient {
            try SMTPClient(settings: sandbox.settings(user: user, url: Sandbox.submissionURL, password: password))
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
                let body = try #require(try sandbox.deliveredBody(to: user, messageID: id), "not delivered to \(user)")
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
            #expect(try sandbox.deliveredBody(to: "staff1953@kazguu.kz", messageID: "reuse-5@cpdbot.test") != nil)
            // The null sender (automatic replies) is accepted too.
            let bounceSafe = try client.send(TestMessage.make(id: "null-sender@cpdbot.test"), from: "", to: ["staff1953@kazguu.kz"])
            #expect(bounceSafe.accepted == ["staff1953@kazguu.kz"])
        }

        /// A 12 MB message whose lines start with dots (".", "..x") arrives byte for byte:
        /// libcurl dot-stuffs on the way out, the server unstuffs.
        @Test func largeMessageWithDotLinesArrivesIntact() throws {
            let sandbox = try Sandbox.open()
            try sandbox.reset("staff1955@kazguu.kz")
            var message = TestMessage.make(id: "big-smtp@cpdbot.test", bodyBytes: 12 * 1024 * 1024)
            message.append(Data(".\r\n..two dots\r\n.one dot\r\nend\r\n".utf8))
            let client = try submission(sandbox, user: "staff1950@kazguu.kz")
            let report = try client.send(message, from: "staff1950@kazguu.kz", to: ["staff1955@kazguu.kz"])
            #expect(report.accepted == ["staff1955@kazguu.kz"])
            let body = try #require(try sandbox.deliveredBody(to: "staff1955@kazguu.kz", messageID: "big-smtp@cpdbot.test"))
            let blankLine = Data("\r\n\r\n".utf8)
            let original = message.suffix(from: try #require(message.range(of: blankLine)).upperBound)
            let received = body.suffix(from: try #require(body.range(of: blankLine)).upperBound)
            #expect(received.count == original.count)
            #expect(received == original)
        }

        /// Without a user there is no AUTH: how mail from outside reaches the inbound MX.
        @Test func deliversThroughTheInboundMXWithoutAuth() throws {
            let sandbox = try Sandbox.open()
            try sandbox.reset("staff1954@kazguu.kz")
            let client = try SMTPClient(settings: ConnectionSettings(
                url: "smtp://127.0.0.1:10025/outside.example", user: "", password: "", caFile: sandbox.caFile))
            let report = try client.send(TestMessage.make(id: "mx@cpdbot.test"), from: "someone@outside.example",
                                         to: ["staff1954@kazguu.kz"])
            #expect(report.accepted == ["staff1954@kazguu.kz"])
            #expect(try sandbox.deliveredBody(to: "staff1954@kazguu.kz", messageID: "mx@cpdbot.test") != nil)
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
