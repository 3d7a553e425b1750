import Curl
import Foundation
import Testing
@testable import Mail

/// The client's SMTP conversation against a scripted loopback server: what Postfix does not
/// do on request (no PIPELINING, odd replies, a dropped connection).
@Suite(.serialized) struct SMTPConversationTests {
    static func client(_ server: ScriptedSMTPServer, limits: SMTPLimits = SMTPLimits()) throws -> SMTPClient {
        try SMTPClient(settings: ConnectionSettings(url: server.url, user: "", password: "", allowPlaintextOnLoopback: true,
                                                    connectTimeout: .seconds(5), responseTimeout: .seconds(10)),
                       limits: limits)
    }

    static func message(_ n: Int, to recipients: [String] = ["staff1890@kazguu.kz"], from: String = "bot@kazguu.kz") -> SMTPMessage {
        SMTPMessage(data: Data("Subject: \(n)\r\n\r\nline one of \(n)\r\n.dot line\r\n".utf8), from: from, recipients: recipients)
    }

    /// Sends `messages` in one batch; returns the outcomes by index and the callback order.
    static func run(_ client: SMTPClient, _ messages: [SMTPMessage]) throws -> (outcomes: [Int: Result<SendReport, MailError>], events: [String]) {
        var outcomes: [Int: Result<SendReport, MailError>] = [:]
        var events: [String] = []
        try client.send(messages, willSend: { events.append("start \($0)") }) { index, outcome in
            events.append("done \(index)")
            outcomes[index] = outcome
        }
        return (outcomes, events)
    }

    @Test(arguments: [true, false])
    func groupsAreOneWriteOnlyWhenTheServerPipelines(pipelining: Bool) throws {
        let server = try ScriptedSMTPServer(.init(pipelining: pipelining, dribble: true))
        let messages = (0..<5).map { Self.message($0, to: ["staff1890@kazguu.kz", "nobody@kazguu.kz"]) }
        do {
            let (outcomes, _) = try Self.run(try Self.client(server), messages)
            for n in 0..<5 {
                let report = try #require(try outcomes[n]?.get())
                #expect(report.accepted == ["staff1890@kazguu.kz"])
                #expect(report.perRecipient["nobody@kazguu.kz"]
                        == .permanentFailure(code: 550, reply: "550 5.1.1 <nobody@kazguu.kz>: Recipient address rejected: User unknown"))
            }
        }
        let transcript = server.transcript()
        #expect(transcript.bodies.count == 5)
        #expect(transcript.bodies.first == "Subject: 0\n\nline one of 0\n..dot line")
        let groupedReads = transcript.reads.filter { read in read.contains { $0.hasPrefix("MAIL FROM:") } && read.contains("DATA") }
        if pipelining {
            #expect(!groupedReads.isEmpty, "MAIL, RCPT and DATA should arrive together: \(transcript.reads)")
        } else {
            #expect(transcript.reads.allSatisfy { $0.count == 1 }, "lock-step sends one command per reply: \(transcript.reads)")
        }
    }

    /// RFC 2920 §3.1: a server that says 354 although every RCPT was refused gets the
    /// end-of-data line only, never the message.
    @Test func startOfDataWithoutRecipientsGetsNoMessage() throws {
        var script = ScriptedSMTPServer.Script()
        script.data = { _ in "354 go ahead" }
        script.endOfData = { n in n == 0 ? "554 5.5.1 Error: no valid recipients" : "250 2.0.0 Ok" }
        let server = try ScriptedSMTPServer(script)
        do {
            let (outcomes, _) = try Self.run(try Self.client(server), [
                Self.message(0, to: ["nobody-1@kazguu.kz", "nobody-2@kazguu.kz"]), Self.message(1),
            ])
            let refused = try #require(try outcomes[0]?.get())
            #expect(refused.accepted.isEmpty && refused.refused == ["nobody-1@kazguu.kz", "nobody-2@kazguu.kz"])
            #expect(try outcomes[1]?.get().accepted == ["staff1890@kazguu.kz"])
        }
        #expect(server.transcript().bodies == ["", "Subject: 1\n\nline one of 1\n..dot line"])
    }

    /// A refused sender and a refusal after the data fail only their own message; the session
    /// is reset (RSET) and goes on.
    @Test(arguments: [true, false])
    func refusalsFailOnlyTheirOwnMessage(pipelining: Bool) throws {
        var script = ScriptedSMTPServer.Script()
        script.pipelining = pipelining
        script.mail = { line in line.contains("blocked@") ? "553 5.7.1 <blocked@kazguu.kz>: Sender address rejected" : "250 2.1.0 Ok" }
        script.endOfData = { n in n == 0 ? "552 5.3.4 Message size exceeds fixed limit" : "250 2.0.0 Ok" }
        let server = try ScriptedSMTPServer(script)
        do {
            let (outcomes, events) = try Self.run(try Self.client(server), [
                Self.message(0), Self.message(1, from: "blocked@kazguu.kz"), Self.message(2),
                Self.message(3, to: ["nobody@kazguu.kz"]), Self.message(4),
            ])
            #expect(outcomes[0] == .failure(.messageRefused(server: "127.0.0.1:\(server.port)",
                                                            reply: "552 5.3.4 Message size exceeds fixed limit")))
            #expect(outcomes[1] == .failure(.messageRefused(server: "127.0.0.1:\(server.port)",
                                                            reply: "553 5.7.1 <blocked@kazguu.kz>: Sender address rejected")))
            #expect(try outcomes[2]?.get().accepted == ["staff1890@kazguu.kz"])
            #expect(try outcomes[3]?.get().refused == ["nobody@kazguu.kz"])
            #expect(try outcomes[4]?.get().accepted == ["staff1890@kazguu.kz"])
            #expect(events.filter { $0.hasPrefix("done") } == (0..<5).map { "done \($0)" })
        }
        let transcript = server.transcript()
        #expect(transcript.bodies.count == 3)
        #expect(transcript.lines.filter { $0 == "RSET" }.count == 2)
    }

    /// The connection drops after the second message's data: the first is reported, the
    /// second (and the third, already started when pipelining) are not; the next send
    /// reconnects.
    @Test func aDroppedConnectionLeavesStartedMessagesUnreported() throws {
        var script = ScriptedSMTPServer.Script()
        script.connections = 2
        script.endOfData = { n in n == 1 ? nil : "250 2.0.0 Ok" }
        let server = try ScriptedSMTPServer(script)
        do {
            let client = try Self.client(server)
            var events: [String] = []
            let error = try #require(throws: MailError.self) {
                try client.send((0..<4).map { Self.message($0) }, willSend: { events.append("start \($0)") }) { index, _ in
                    events.append("done \(index)")
                }
            }
            guard case .transport(let transport) = error else {
                Issue.record("expected a transport error, got \(error)")
                return
            }
            #expect(transport.kind == .connectionLost)
            #expect(events == ["start 0", "start 1", "done 0", "start 2"])
            #expect(!client.isConnected)
            #expect(try client.send(Self.message(9).data, from: "bot@kazguu.kz", to: ["staff1890@kazguu.kz"]).accepted
                    == ["staff1890@kazguu.kz"])
        }
        #expect(server.transcript().bodies.count == 3)
    }

    struct Stop: Error, Equatable {}

    /// `willSend` refusing a message (the caller wants to stop) finishes what was started and
    /// keeps the session: the next send goes over the same connection (the server takes one).
    @Test(arguments: [true, false])
    func stoppingBeforeAMessageKeepsTheSession(pipelining: Bool) throws {
        let server = try ScriptedSMTPServer(.init(pipelining: pipelining))
        do {
            let client = try Self.client(server)
            var events: [String] = []
            #expect(throws: Stop()) {
                try client.send((0..<4).map { Self.message($0) }, willSend: { index in
                    if index == 2 { throw Stop() }
                    events.append("start \(index)")
                }) { index, outcome in
                    events.append("done \(index): \((try? outcome.get())?.accepted ?? [])")
                }
            }
            #expect(events == ["start 0", "start 1", "done 0: [\"staff1890@kazguu.kz\"]", "done 1: [\"staff1890@kazguu.kz\"]"]
                    || events == ["start 0", "done 0: [\"staff1890@kazguu.kz\"]", "start 1", "done 1: [\"staff1890@kazguu.kz\"]"])
            #expect(client.isConnected)
            #expect(try client.send(Self.message(5).data, from: "bot@kazguu.kz", to: ["staff1890@kazguu.kz"]).accepted
                    == ["staff1890@kazguu.kz"])
        }
        #expect(server.transcript().bodies.count == 3)
    }

    @Test func anEndlessReplyLineEndsTheSession() throws {
        var script = ScriptedSMTPServer.Script()
        script.mail = { _ in "250 " + String(repeating: "x", count: 5_000) }
        let server = try ScriptedSMTPServer(script)
        let client = try Self.client(server, limits: SMTPLimits(maxReplyLineBytes: 1_000))
        let error = try #require(throws: MailError.self) {
            try client.send(Self.message(0).data, from: "bot@kazguu.kz", to: ["staff1890@kazguu.kz"])
        }
        guard case .replyTooLarge(_, "line bytes", let actual, 1_000) = error else {
            Issue.record("expected replyTooLarge, got \(error)")
            return
        }
        #expect(actual > 1_000)
        #expect(error.description.contains("the limit is 1000"))
        #expect(!client.isConnected)
    }

    @Test func aNonSMTPURLIsRefusedAtOnce() {
        #expect(throws: MailError.self) {
            _ = try SMTPClient(settings: ConnectionSettings(url: "imaps://127.0.0.1:10993/", user: "u", password: "p"))
        }
        #expect(throws: MailError.self) {
            _ = try SMTPClient(settings: ConnectionSettings(url: "smtp://mail.example.org:25/x", user: "u", password: "p",
                                                            allowPlaintextOnLoopback: true))
        }
    }
}
