import Testing
@testable import MIME

/// Inline forward blocks as each client writes them.
@Suite struct ForwardDetectorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let client: String
        let body: String
        let address: String
        let name: String?
        let subject: String?
        var testDescription: String { client }
    }

    static let cases: [Case] = [
        Case(client: "Outlook en", body: "FYI\n\n-----Original Message-----\nFrom: Ахметова Сәуле <s.akhmetova@kazguu.kz>\nSent: Monday, May 18, 2026 10:12 AM\nTo: x@kazguu.kz\nSubject: Заявка\n\nbody",
             address: "s.akhmetova@kazguu.kz", name: "Ахметова Сәуле", subject: "Заявка"),
        Case(client: "Outlook mailto", body: "-----Original Message-----\nFrom: Ahmetova Saule [mailto:S.Akhmetova@kazguu.kz]\nSent: Monday\nSubject: A",
             address: "s.akhmetova@kazguu.kz", name: "Ahmetova Saule", subject: "A"),
        Case(client: "Outlook ru", body: "-----Исходное сообщение-----\nОт: Иванов Иван <i.ivanov@kazguu.kz>\nОтправлено: 18 мая 2026 г. 10:12\nКому: x@kazguu.kz\nТема: Заявка ДИТ\n",
             address: "i.ivanov@kazguu.kz", name: "Иванов Иван", subject: "Заявка ДИТ"),
        Case(client: "Outlook kk", body: "-----Бастапқы хабар-----\nКімнен: Williams Andrew <a.williams@kazguu.kz>\nЖіберілді: 2026 ж. 21 мамыр\nТақырып: BS application\n",
             address: "a.williams@kazguu.kz", name: "Williams Andrew", subject: "BS application"),
        Case(client: "Gmail", body: "---------- Forwarded message ---------\nFrom: Тоқтарова Мөлдір <m.toktarova@kazguu.kz>\nDate: Wed, May 20, 2026 at 11:02 AM\nSubject: Өтінім\nTo: <zh@kazguu.kz>\n",
             address: "m.toktarova@kazguu.kz", name: "Тоқтарова Мөлдір", subject: "Өтінім"),
        Case(client: "Apple Mail", body: "Begin forwarded message:\n\nFrom: \"Жұмабаев Ерлан\" <e.zhumabayev@kazguu.kz>\nSubject: Өтінім ЖГМ\nDate: 14 May 2026 at 16:20:09 GMT+5\nTo: dshr@kazguu.kz\n",
             address: "e.zhumabayev@kazguu.kz", name: "Жұмабаев Ерлан", subject: "Өтінім ЖГМ"),
        Case(client: "Thunderbird", body: "\n\n-------- Forwarded Message --------\nSubject: \tApplication\nDate: \tWed, 20 May 2026 08:55:00 +0500\nFrom: \td.omarov@kazguu.kz\nTo: \tdshr@kazguu.kz\n",
             address: "d.omarov@kazguu.kz", name: nil, subject: "Application"),
        Case(client: "Thunderbird original", body: "-------- Original Message --------\nSubject: X\nFrom: Omarov <d.omarov@kazguu.kz>\n",
             address: "d.omarov@kazguu.kz", name: "Omarov", subject: "X"),
        Case(client: "Mail.ru", body: "-------- Пересылаемое сообщение --------\nОт кого: Сейтқали Әлібек <a.seitkali@kazguu.kz>\nКому: dshr@kazguu.kz\nДата: Пятница, 22 мая 2026, 17:48 +05:00\nТема: Заявка ВШП\n",
             address: "a.seitkali@kazguu.kz", name: "Сейтқали Әлібек", subject: "Заявка ВШП"),
        Case(client: "Kazakh webmail", body: "-------- Қайта жіберілген хабар --------\nКімнен: n.li@kazguu.kz\nТақырып: Өтінім\n",
             address: "n.li@kazguu.kz", name: nil, subject: "Өтінім"),
        Case(client: "quoted in a reply", body: "> -----Original Message-----\n> From: Li N. <n.li@kazguu.kz>\n> Sent: today\n",
             address: "n.li@kazguu.kz", name: "Li N.", subject: nil),
        Case(client: "Yandex", body: "-------- Пересылаемое сообщение --------\n20.05.2026, 11:02, \"Тоқтарова Мөлдір\" <m.toktarova@kazguu.kz>:\n\nӨтінім қоса беріліп отыр.\n",
             address: "m.toktarova@kazguu.kz", name: "Тоқтарова Мөлдір", subject: nil),
        Case(client: "name only", body: "-----Original Message-----\nFrom: Омаров Дәурен\nSent: Monday\nSubject: Өтінім\n",
             address: "", name: "Омаров Дәурен", subject: "Өтінім"),
    ]

    @Test(arguments: cases)
    func findsTheOriginalAuthor(_ c: Case) throws {
        let origin = try #require(ForwardDetector.originInText(c.body, subjectSaysForward: false))
        #expect(origin.author.lowercasedAddress == c.address)
        #expect(origin.author.displayName == c.name)
        #expect(origin.subject == c.subject)
        #expect(origin.evidence == .separatorLine)
    }

    @Test func outlookHeaderBlockWithoutSeparatorNeedsAForwardSubject() {
        let body = "See below\n\nFrom: Ахметова Сәуле <s.akhmetova@kazguu.kz>\nSent: Monday, May 18, 2026 10:12 AM\nTo: a@kazguu.kz\nSubject: Заявка\n"
        #expect(ForwardDetector.originInText(body, subjectSaysForward: true)?.author.address == "s.akhmetova@kazguu.kz")
        #expect(ForwardDetector.originInText(body, subjectSaysForward: true)?.evidence == .headerBlock)
        #expect(ForwardDetector.originInText(body, subjectSaysForward: false) == nil)  // a reply quoting
    }

    @Test func aForwardQuotedInAReplyIsHistory() {
        let outlookReply = "Thanks\n\nFrom: DSHR <dshr@kazguu.kz>\nSent: Monday\nSubject: FW: x\n\n-----Original Message-----\nFrom: Li <n.li@kazguu.kz>\nSent: Sunday\n"
        #expect(ForwardDetector.originInText(outlookReply, subjectSaysForward: false) == nil)
        let gmailReply = "Thanks\n\nOn Mon, May 18, 2026 at 10:12 AM DSHR <dshr@kazguu.kz> wrote:\n> ---------- Forwarded message ---------\n> From: Li <n.li@kazguu.kz>\n"
        #expect(ForwardDetector.originInText(gmailReply, subjectSaysForward: false) == nil)
    }

    @Test(arguments: [("FW: Заявка", true), ("Fwd: x", true), ("RE: FW: x", false), ("[kazguu] FW: x", true), ("FW: RE: x", true), ("Пересл: x", true), ("RE: x", false), ("Заявка", false), ("Firmware: x", false)])
    func forwardSubjects(_ subject: String, _ isForward: Bool) {
        #expect(ForwardDetector.subjectSaysForward(subject) == isForward)
    }

    @Test func htmlOnlyOutlookForward() throws {
        let html = """
        <html><body><div>Тіркеуге.</div><div style="border:none;border-top:solid #E1E1E1 1.0pt">
        <p class=MsoNormal><b>From:</b> Williams Andrew &lt;<a href="mailto:a.williams@kazguu.kz">a.williams@kazguu.kz</a>&gt;<br>
        <b>Sent:</b> Thursday, May 21, 2026 4:20 PM<br><b>To:</b> Director &lt;a.director@kazguu.kz&gt;<br>
        <b>Subject:</b> BS application</p></div></body></html>
        """
        let raw = "From: a.director@kazguu.kz\r\nSubject: FW: BS application\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
        let message = try MessageParser().parse(Array(raw.utf8))
        let origin = try #require(ForwardDetector.origin(of: message))
        #expect(origin.author.address == "a.williams@kazguu.kz")
        #expect(origin.subject == "BS application")
    }
}
