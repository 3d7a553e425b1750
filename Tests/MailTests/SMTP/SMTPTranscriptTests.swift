import Testing
@testable import Mail

@Suite struct SMTPTranscriptTests {
    /// A recorded Postfix submission session as libcurl's debug callback reports it.
    @Test func pairsEachRecipientWithItsReply() {
        var transcript = SMTPTranscript()
        let exchange: [(out: String?, in: String?)] = [
            (nil, "220 sandbox ESMTP Postfix\r\n"),
            ("EHLO kazguu.kz\r\n", "250-sandbox\r\n250-PIPELINING\r\n250 AUTH PLAIN LOGIN\r\n"),
            ("AUTH PLAIN AHN0YWZmAHNlY3JldA==\r\n", "235 2.7.0 Authentication successful\r\n"),
            ("MAIL FROM:<staff1950@kazguu.kz> SIZE=6321\r\n", "250 2.1.0 Ok\r\n"),
            ("RCPT TO:<staff1951@kazguu.kz>\r\n", "250 2.1.5 Ok\r\n"),
            ("RCPT TO:<nobody@kazguu.kz>\r\n", "550 5.1.1 <nobody@kazguu.kz>: Recipient address rejected: User unknown\r\n"),
            ("RCPT TO:<staff1952@kazguu.kz>\r\n", "450-4.2.0 <staff1952@kazguu.kz>: Recipient address rejected:\r\n"),
            (nil, "450 4.2.0 Greylisted, try again\r\n"),
            ("DATA\r\n", "354 End data with <CR><LF>.<CR><LF>\r\n"),
            (nil, "250 2.0.0 Ok: queued as 4F1\r\n"),
        ]
        for step in exchange {
            if let out = step.out { transcript.sent(Array(out.utf8)) }
            if let reply = step.in {
                // Split replies anywhere, as the callback may.
                let bytes = Array(reply.utf8)
                transcript.received(bytes.prefix(5))
                transcript.received(bytes.dropFirst(5))
            }
        }
        let recipients = transcript.replies.compactMap { reply -> (String, Int)? in
            if case .recipient(let address) = reply.command { return (address, reply.code) }
            return nil
        }
        #expect(recipients.map(\.0) == ["staff1951@kazguu.kz", "nobody@kazguu.kz", "staff1952@kazguu.kz"])
        #expect(recipients.map(\.1) == [250, 550, 450])
        #expect(transcript.reply(to: .recipient("staff1952@kazguu.kz"))?.text
                == "4.2.0 <staff1952@kazguu.kz>: Recipient address rejected: 4.2.0 Greylisted, try again")
        #expect(transcript.reply(to: .data)?.code == 250)
        #expect(transcript.reply(to: .mailFrom)?.code == 250)
        // The AUTH line and its reply are not kept.
        #expect(!transcript.replies.contains { $0.text.contains("Authentication") })
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

    @Test(arguments: [
        (" <a@b.kz> NOTIFY=NEVER", "a@b.kz"), ("a@b.kz", "a@b.kz"), ("<>", ""),
    ])
    func addressesFromCommands(text: String, expected: String) {
        #expect(SMTPTranscript.address(in: text) == expected)
    }
}
