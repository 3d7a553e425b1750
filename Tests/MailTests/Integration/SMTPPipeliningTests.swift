import Curl
import Foundation
import Testing
@testable import Mail

extension MailIntegrationTests {
    /// The SMTP client's own conversation (CONNECT_ONLY, RFC 2920 pipelining) against the
    /// sandbox's Postfix. Mailboxes staff1800…staff1899 only.
    @Suite struct SMTPPipeliningTests {
        static let sender = "staff1800@kazguu.kz"

        func client(_ sandbox: Sandbox, pipelining: Bool = true) throws -> SMTPClient {
            let client = try SMTPClient(settings: sandbox.settings(user: Self.sender, url: Sandbox.submissionURL))
            client.allowsPipelining = pipelining
            return client
        }

        /// Message-ID → how many messages carry it in `user`'s INBOX, once `expected` have
        /// arrived (Postfix → LMTP → Dovecot) or 30 s have passed.
        func messageIDs(_ sandbox: Sandbox, of user: String, expected: Int) throws -> [String: Int] {
            let imap = try sandbox.imap(user)
            defer { imap.logout() }
            var counts: [String: Int] = [:]
            for _ in 0..<300 {
                try imap.select("INBOX")
                let uids = try imap.searchUIDs("ALL")
                if uids.count >= expected || counts.values.reduce(0, +) >= expected { break }
                Thread.sleep(forTimeInterval: 0.1)
            }
            try imap.select("INBOX")
            let uids = try imap.searchUIDs("ALL")
            guard !uids.isEmpty else { return [:] }
            try imap.fetch(uids: uids) { message in
                guard let body = message.body else { return }
                let header = String(decoding: body.prefix(4096), as: UTF8.self)
                for line in header.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("message-id:") {
                    counts[line.dropFirst("message-id:".count).trimmingCharacters(in: .whitespaces), default: 0] += 1
                }
            }
            return counts
        }


        /// 120 messages to three mailboxes on one session: each arrives exactly once, the
        /// callbacks come in order (started before reported), then a single `send` on the same
        /// session still works.
        @Test(arguments: [true, false])
        func manyMessagesOnOneSessionArriveOnce(pipelining: Bool) throws {
            let sandbox = try Sandbox.open()
            let users = pipelining
                ? ["staff1801@kazguu.kz", "staff1802@kazguu.kz", "staff1803@kazguu.kz"]
                : ["staff1811@kazguu.kz", "staff1812@kazguu.kz", "staff1813@kazguu.kz"]
            for user in users { try sandbox.reset(user) }
            let run = UUID().uuidString.prefix(8)
            let count = pipelining ? 120 : 30
            let messages = (0..<count).map { n in
                SMTPMessage(data: TestMessage.make(id: "pipe-\(run)-\(n)@cpdbot.test", subject: "n \(n)",
                                                   bodyBytes: 6_000, to: users[n % 3]),
                            from: Self.sender, recipients: [users[n % 3]])
            }
            let client = try client(sandbox, pipelining: pipelining)
            var events: [String] = []
            try client.send(messages, willSend: { events.append("start \($0)") }) { index, outcome in
                events.append("done \(index)")
                #expect((try? outcome.get())?.accepted == [users[index % 3]], "\(outcome)")
            }
            // Never more than two messages in flight: the one reported and the one queued behind it.
            var started = 0, done = 0
            for event in events {
                if event.hasPrefix("start") { started += 1 } else { done += 1 }
                #expect(started - done <= 2 && started >= done)
            }
            #expect(events.filter { $0.hasPrefix("done") } == (0..<count).map { "done \($0)" })
            #expect(started == count)
            #expect(client.isEncrypted)

            let last = try client.send(TestMessage.make(id: "pipe-\(run)-single@cpdbot.test", to: users[0]),
                                       from: Self.sender, to: [users[0]])
            #expect(last.accepted == [users[0]])

            for (offset, user) in users.enumerated() {
                let expectedIDs = Set(stride(from: offset, to: count, by: 3).map { "<pipe-\(run)-\($0)@cpdbot.test>" })
                    .union(offset == 0 ? ["<pipe-\(run)-single@cpdbot.test>"] : [])
                let counts = try messageIDs(sandbox, of: user, expected: expectedIDs.count)
                #expect(Set(counts.keys) == expectedIDs, "\(user)")
                #expect(counts.values.allSatisfy { $0 == 1 }, "duplicates in \(user): \(counts.filter { $0.value > 1 })")
            }
        }

        /// In one pipelined batch: a refused recipient among good ones, a message whose every
        /// recipient is refused (no body may be sent; RSET), an unusable address (never sent),
        /// and good messages after each of them.
        @Test func refusedRecipientsAmongGoodOnes() throws {
            let sandbox = try Sandbox.open()
            let good = ["staff1821@kazguu.kz", "staff1822@kazguu.kz"]
            for user in good { try sandbox.reset(user) }
            let run = UUID().uuidString.prefix(8)
            func message(_ name: String, _ recipients: [String]) -> SMTPMessage {
                SMTPMessage(data: TestMessage.make(id: "\(name)-\(run)@cpdbot.test", bodyBytes: 3_000),
                            from: Self.sender, recipients: recipients)
            }
            let messages = [
                message("mixed", [good[0], "nobody-1821@kazguu.kz", good[1]]),
                message("none", ["nobody-1822@kazguu.kz", "nobody-1823@kazguu.kz"]),
                message("after-none", [good[0]]),
                message("hostile", ["a@b.kz>\r\nRCPT TO:<staff1821@kazguu.kz"]),
                message("after-hostile", [good[1]]),
            ]
            var outcomes: [Int: Result<SendReport, MailError>] = [:]
            try client(sandbox).send(messages) { outcomes[$0] = $1 }

            let mixed = try #require(try outcomes[0]?.get())
            #expect(mixed.accepted == good)
            guard case .permanentFailure(550, let reply) = mixed.perRecipient["nobody-1821@kazguu.kz"] else {
                Issue.record("expected 550 for the unknown user, got \(mixed.perRecipient)")
                return
            }
            #expect(reply.hasPrefix("550 5.1.1") && reply.contains("nobody-1821@kazguu.kz"))
            let none = try #require(try outcomes[1]?.get())
            #expect(none.accepted.isEmpty && none.refused == ["nobody-1822@kazguu.kz", "nobody-1823@kazguu.kz"])
            #expect(try outcomes[2]?.get().accepted == [good[0]])
            guard case .failure(.invalidArgument)? = outcomes[3] else {
                Issue.record("a hostile address must be refused before sending, got \(String(describing: outcomes[3]))")
                return
            }
            #expect(try outcomes[4]?.get().accepted == [good[1]])

            let first = try messageIDs(sandbox, of: good[0], expected: 2)
            #expect(first == ["<mixed-\(run)@cpdbot.test>": 1, "<after-none-\(run)@cpdbot.test>": 1])
            let second = try messageIDs(sandbox, of: good[1], expected: 2)
            #expect(second == ["<mixed-\(run)@cpdbot.test>": 1, "<after-hostile-\(run)@cpdbot.test>": 1])
        }

        /// Lines that start with dots, a lone dot, "\r\n.\r\n" inside the text: the server
        /// stores exactly the bytes given (the client stuffs, the server unstuffs).
        @Test(arguments: [true, false])
        func dotLinesRoundTripByteForByte(pipelining: Bool) throws {
            let sandbox = try Sandbox.open()
            let user = pipelining ? "staff1831@kazguu.kz" : "staff1832@kazguu.kz"
            try sandbox.reset(user)
            let id = "dots-\(UUID().uuidString)@cpdbot.test"
            var message = TestMessage.make(id: id, bodyBytes: 500, to: user)
            message.append(Data(".\r\n..two dots\r\n.one dot\r\n\r\n.\r\n...\r\nQUIT\r\n. \r\nend\r\n".utf8))
            let followUp = "dots-after-\(UUID().uuidString)@cpdbot.test"
            var outcomes: [Result<SendReport, MailError>] = []
            try client(sandbox, pipelining: pipelining).send([
                SMTPMessage(data: message, from: Self.sender, recipients: [user]),
                SMTPMessage(data: TestMessage.make(id: followUp, to: user), from: Self.sender, recipients: [user]),
            ]) { outcomes.append($1) }
            #expect(outcomes.count == 2)
            #expect(outcomes.allSatisfy { (try? $0.get().accepted) == [user] })
            let body = try #require(try sandbox.deliveredBody(to: user, messageID: id, seconds: 30))
            let blankLine = Data("\r\n\r\n".utf8)
            let original = message.suffix(from: try #require(message.range(of: blankLine)).upperBound)
            let received = body.suffix(from: try #require(body.range(of: blankLine)).upperBound)
            #expect(received == original)
            #expect(try sandbox.deliveredBody(to: user, messageID: followUp, seconds: 30) != nil)
        }

        /// A login that fails surfaces at the first send, and names the server and user only.
        @Test func wrongPasswordFailsTheFirstSend() throws {
            let sandbox = try Sandbox.open()
            let client = try SMTPClient(settings: sandbox.settings(user: Self.sender, url: Sandbox.submissionURL,
                                                                   password: "not-the-password-1800"))
            let error = try #require(throws: MailError.self) {
                try client.send([SMTPMessage(data: Data("x\r\n".utf8), from: Self.sender, recipients: [Self.sender])]) { _, _ in }
            }
            #expect(error.description.hasPrefix("could not log in to 127.0.0.1:10587 as staff1800@kazguu.kz"))
            #expect(!error.description.contains("not-the-password-1800"))
            #expect(!client.isConnected)
        }
    }
}
