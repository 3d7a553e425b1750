import Foundation
import Testing
@testable import Mail

@Suite struct SMTPTransactionTests {
    static let transaction = SMTPTransaction(
        message: SMTPMessage(data: Data("Subject: x\r\n\r\nbody\r\n".utf8), from: "hr-intake@kazguu.kz",
                             recipients: ["staff1801@kazguu.kz", "Nobody@kazguu.kz"]),
        server: "127.0.0.1:10587")
    static let ok = SMTPReply(code: 250, lines: ["2.1.5 Ok"])
    static let unknown = SMTPReply(code: 550, lines: ["5.1.1 <nobody@kazguu.kz>: Recipient address rejected: User unknown"])
    static let go = SMTPReply(code: 354, lines: ["End data with <CR><LF>.<CR><LF>"])

    @Test func oneRefusedRecipientDoesNotStopTheOther() throws {
        let next = Self.transaction.next(mail: Self.ok, recipients: [Self.ok, Self.unknown], data: Self.go)
        let expected = SendReport(perRecipient: [
            "staff1801@kazguu.kz": .accepted,
            "Nobody@kazguu.kz": .permanentFailure(code: 550, reply: Self.unknown.summary),
        ])
        #expect(next == .sendMessage(expected))
        #expect(try Self.transaction.outcome(report: expected, final: SMTPReply(code: 250, lines: ["queued"])).get() == expected)
        guard case .failure(.messageRefused(_, let reply)) = Self.transaction.outcome(
            report: expected, final: SMTPReply(code: 552, lines: ["5.3.4 Message too big"])) else {
            Issue.record("a 552 after the data must refuse the message")
            return
        }
        #expect(reply == "552 5.3.4 Message too big")
    }

    @Test func allRecipientsRefusedSendsNoMessage() {
        let refused = SendReport(perRecipient: [
            "staff1801@kazguu.kz": .temporaryFailure(code: 450, reply: "450 greylisted"),
            "Nobody@kazguu.kz": .permanentFailure(code: 550, reply: Self.unknown.summary),
        ])
        let greylisted = SMTPReply(code: 450, lines: ["greylisted"])
        // The pipelining server refuses DATA (554 no valid recipients): the report says why.
        #expect(Self.transaction.next(mail: Self.ok, recipients: [greylisted, Self.unknown],
                                      data: SMTPReply(code: 554, lines: ["5.5.1 Error: no valid recipients"]))
                == .done(.success(refused)))
        // A server that says 354 anyway gets only the end-of-data line (RFC 2920 §3.1).
        #expect(Self.transaction.next(mail: Self.ok, recipients: [greylisted, Self.unknown], data: Self.go)
                == .endEmptyData(refused))
    }

    @Test(arguments: [
        (SMTPReply(code: 553, lines: ["5.7.1 Sender address rejected"]), SMTPReply(code: 503, lines: ["5.5.1 need MAIL"]),
         "553 5.7.1 Sender address rejected"),
        (SMTPReply(code: 250, lines: ["Ok"]), SMTPReply(code: 451, lines: ["4.3.0 try later"]), "451 4.3.0 try later"),
    ])
    func refusedMailOrDataRefusesTheMessage(mail: SMTPReply, data: SMTPReply, expected: String) {
        let recipients = mail.isPositive ? [Self.ok, Self.ok] : [SMTPReply(code: 503, lines: ["5.5.1 need MAIL"])] + [Self.ok]
        guard case .done(.failure(.messageRefused(let server, let reply))) =
            Self.transaction.next(mail: mail, recipients: recipients, data: data) else {
            Issue.record("expected the message to be refused")
            return
        }
        #expect(server == "127.0.0.1:10587")
        #expect(reply == expected)
    }

    @Test func envelopeIsOneGroupWithDataLast() {
        let pipelining = SMTPCapabilities(keywords: ["PIPELINING", "SIZE"])
        #expect(Self.transaction.envelopeCommands(pipelining) == [
            "MAIL FROM:<hr-intake@kazguu.kz> SIZE=20\r\n", "RCPT TO:<staff1801@kazguu.kz>\r\n",
            "RCPT TO:<Nobody@kazguu.kz>\r\n", "DATA\r\n",
        ])
        let unicode = SMTPTransaction(message: SMTPMessage(data: Data(), from: "", recipients: ["әріптес@kazguu.kz"]),
                                      server: "s")
        #expect(unicode.mailCommand(SMTPCapabilities(keywords: ["SMTPUTF8"])) == "MAIL FROM:<> SMTPUTF8\r\n")
        #expect(unicode.mailCommand(SMTPCapabilities()) == "MAIL FROM:<>\r\n")
    }

    @Test(arguments: [
        ("smtp://127.0.0.1:10587/kazguu.kz", "kazguu.kz"), ("smtp://127.0.0.1:10587/", "localhost"),
        ("smtps://mail.kazguu.kz", "localhost"), ("smtp://h/a b", "localhost"), ("smtp://h/x%0D%0ARSET", "localhost"),
        ("smtp://h/[127.0.0.1]", "[127.0.0.1]"),
    ])
    func ehloNameComesFromTheURLPath(url: String, expected: String) {
        #expect(SMTPCommand.ehloName(fromURL: url) == expected)
    }

    @Test(arguments: [
        (250, RecipientResult.accepted),
        (451, .temporaryFailure(code: 451, reply: "r")),
        (550, .permanentFailure(code: 550, reply: "r")),
        (0, .permanentFailure(code: 0, reply: "r")),
    ])
    func classifiesReplyCodes(code: Int, expected: RecipientResult) {
        #expect(RecipientResult(code: code, reply: "r") == expected)
    }
}
