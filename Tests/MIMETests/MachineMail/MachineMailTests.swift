import Testing
@testable import MIME

@Suite struct MachineMailTests {
    static func parse(_ text: String) throws -> ParsedMessage { try MessageParser().parse(Array(text.utf8)) }

    @Test(arguments: [
        ("Auto-Submitted: auto-replied\r\nSubject: x", true),
        ("Auto-Submitted: auto-generated\r\nSubject: x", true),
        ("Auto-Submitted: no\r\nSubject: x", false),
        ("X-Autoreply: yes\r\nSubject: x", true),
        ("X-Autorespond: yes\r\nSubject: x", true),
        ("Precedence: bulk\r\nSubject: x", true),
        ("Precedence: list\r\nSubject: x", true),
        ("Precedence: auto_reply\r\nSubject: x", true),
        ("Precedence: first-class\r\nSubject: x", false),
        ("Subject: Автоответ: Заявка", true),
        ("Subject: Out of Office: Application", true),
        ("Subject: Automatic reply: Өтінім", true),
        ("Subject: Автоматты жауап: Өтінім", true),
        ("Subject: Жауап автоматты: Өтінім", true),
        ("Subject: Нет на месте", true),
        ("Subject: =?UTF-8?B?0JDQstGC0L7QvtGC0LLQtdGC?=", true),
        ("X-Auto-Response-Suppress: All\r\nSubject: RE: Өтінім", false),
        ("Subject: RE: Өтінім", false),
    ])
    func autoReplies(_ head: String, _ expected: Bool) throws {
        let m = try Self.parse("From: a@kazguu.kz\r\n" + head + "\r\n\r\nbody")
        #expect(AutoReplyDetector.isAutoReply(m.header) == expected)
    }

    @Test func onlyTheTopmostAuthenticationResultsCounts() throws {
        let m = try Self.parse("""
            Authentication-Results: mx.kazguu.kz;\r
            \tdkim=none; spf=fail smtp.mailfrom=evil.top;\r
            \tdmarc=fail (p=QUARANTINE) header.from=kazguu.kz\r
            Authentication-Results: mx.kazguu.kz; dmarc=pass header.from=kazguu.kz\r
            From: a@kazguu.kz\r
            \r
            body
            """)
        let auth = try #require(AuthenticationResults.topmost(in: m.header))
        #expect(auth.authservID == "mx.kazguu.kz")
        #expect(auth.dmarc == "fail")
        #expect(auth.spf == "fail")
        #expect(auth.dkim == "none")
        #expect(auth.results.first { $0.method == "dmarc" }?.properties["header.from"] == "kazguu.kz")
    }

    @Test func authservIDWithVersion() {
        #expect(AuthenticationResults.parse("mx.example.org 1; dkim/1=pass header.d=x")?.dkim == "pass")
        #expect(AuthenticationResults.parse("mx.example.org 1; dkim/1=pass header.d=x")?.authservID == "mx.example.org")
    }

    @Test func eximPlainBounce() throws {
        let m = try Self.parse("""
            Return-Path: <>\r
            From: Mail Delivery System <Mailer-Daemon@mail.example.kz>\r
            To: hr-intake@kazguu.kz\r
            Subject: Mail delivery failed: returning message to sender\r
            \r
            This message was created automatically by mail delivery software.\r
            \r
            A message that you sent could not be delivered to one or more of its\r
            recipients. This is a permanent error. The following address(es) failed:\r
            \r
              B.Tulegenov@kazguu.kz\r
                host mx.kazguu.kz [10.0.0.1]\r
                SMTP error from remote mail server after RCPT TO:<b.tulegenov@kazguu.kz>:\r
                550 5.1.1 User unknown\r
            \r
            ------ This is a copy of the message, including all the headers. ------\r
            \r
            Message-ID: <call-2026-05-05.7c1e9a40@kazguu.kz>\r
            From: hr-intake@kazguu.kz\r
            To: b.tulegenov@kazguu.kz, other@kazguu.kz\r
            """)
        let failure = try #require(BounceDetector.failure(in: m))
        #expect(failure.format == .plainText)
        #expect(failure.recipients.map(\.address) == ["b.tulegenov@kazguu.kz"])
        #expect(failure.originalMessageID == "<call-2026-05-05.7c1e9a40@kazguu.kz>")
    }

    @Test func postfixPlainBounce() throws {
        let m = try Self.parse("""
            Return-Path: <>\r
            From: MAILER-DAEMON@mx.kazguu.kz (Mail Delivery System)\r
            To: hr-intake@kazguu.kz\r
            Subject: Undelivered Mail Returned to Sender\r
            \r
            I'm sorry to have to inform you that your message could not\r
            be delivered to one or more recipients.\r
            \r
            <x.y@kazguu.kz>: host 10.0.0.2 said: 550 5.1.1 <x.y@kazguu.kz>: Recipient address rejected\r
            """)
        #expect(BounceDetector.failure(in: m)?.recipients.map(\.address) == ["x.y@kazguu.kz"])
    }

    @Test func ordinaryMailIsNoBounce() throws {
        let m = try Self.parse("From: a@kazguu.kz\r\nSubject: Mail delivery failed?\r\n\r\nWhy did my mail to b@kazguu.kz fail?")
        #expect(BounceDetector.failure(in: m) == nil)
    }

    @Test func delayedDSNIsNoFailure() throws {
        let m = try Self.parse("""
            From: MAILER-DAEMON@mx\r
            Content-Type: multipart/report; report-type=delivery-status; boundary=b\r
            \r
            --b\r
            \r
            delayed\r
            --b\r
            Content-Type: message/delivery-status\r
            \r
            Reporting-MTA: dns; mx\r
            \r
            Final-Recipient: rfc822; late@x.kz\r
            Action: delayed\r
            Status: 4.4.1\r
            --b--\r
            """)
        #expect(BounceDetector.failure(in: m) == nil)
    }
}
