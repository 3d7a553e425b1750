import Testing
@testable import Mail

/// "Too fast, come back later" against "cannot be delivered", from what providers send.
@Suite struct SMTPThrottlingTests {
    @Test(arguments: [
        "421 4.7.0 Temporary System Problem. Try again later",  // Gmail
        "421 Service not available, closing transmission channel",
        "451 4.7.500 Server busy. Please try again later.",  // Exchange Online
        "450 4.7.28 Our system has detected an unusual rate of unsolicited mail",
        "452 4.7.0 Sending rate exceeded",
        "432 4.3.2 System not accepting network messages",
        "452 4.5.3 Too many recipients",
        "421-4.7.0 multi-line",
    ])
    func throttling(reply: String) {
        #expect(SMTPThrottling.isThrottling(reply))
    }

    @Test(arguments: [
        "450 4.2.0 <x@kazguu.kz>: Recipient address rejected: Greylisted",
        "451 4.3.0 Error: queue file write error",
        "452 4.2.2 Mailbox full",
        "550 5.7.1 Relay access denied",
        "554 5.7.0 Sending limit exceeded",
        "550 5.1.1 User unknown",
        "451 Temporary local problem",
        "",
        "4.7.0",
    ])
    func notThrottling(reply: String) {
        #expect(!SMTPThrottling.isThrottling(reply))
    }

    @Test func resultsAndErrors() {
        #expect(SMTPThrottling.isThrottling(RecipientResult.temporaryFailure(code: 451, reply: "451 4.7.500 Server busy")))
        #expect(!SMTPThrottling.isThrottling(RecipientResult.temporaryFailure(code: 450, reply: "450 4.2.0 Greylisted")))
        #expect(!SMTPThrottling.isThrottling(RecipientResult.permanentFailure(code: 550, reply: "550 5.7.1 no")))
        #expect(SMTPThrottling.isThrottling(MailError.messageRefused(server: "s", reply: "421 4.7.0 Try again later")))
        #expect(!SMTPThrottling.isThrottling(MailError.messageRefused(server: "s", reply: "554 5.7.0 Sending limit exceeded")))
    }
}
