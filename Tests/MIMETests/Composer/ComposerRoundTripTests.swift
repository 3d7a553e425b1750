import Foundation
import Testing
@testable import MIME

/// Composer → parser round trips in Kazakh, Russian and English, with long subjects and odd names.
@Suite struct ComposerRoundTripTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let language: String
        let subject: String
        let name: String
        let text: String
        let filename: String
        var testDescription: String { language + ": " + subject.prefix(30) }
    }

    static let cases: [Case] = [
        Case(language: "kk",
             subject: "Біліктілікті арттыру курстарына 2026 жылға өтінім қабылданды — Құқық жоғары мектебі, 6 қызметкер, 2 жол қате (қайта жіберуіңізді сұраймыз)",
             name: "Стратегия және HR департаменті (ДСҺР)", text: "Құрметті әріптес!\nӨтініміңіз қабылданды.\n\nҚұрметпен,\nДСҺР",
             filename: "Өтінім_Құқық жоғары мектебі_2026_қосымша тізім_толық нұсқа_түзетілген.xlsx"),
        Case(language: "ru",
             subject: "Ваша заявка на курсы повышения квалификации на 2026 год принята: Высшая школа права, 6 сотрудников; ошибки в строках 4, 7",
             name: "Департамент стратегии и HR, \"приёмная\"", text: "Уважаемый коллега!\r\nЗаявка принята.\r\n",
             filename: "Заявка ВШП (исправленная) — копия №2.docx"),
        Case(language: "en",
             subject: "Your professional development application for 2026 has been received and registered by the Strategy and HR department of the university",
             name: "O'Brien, Seán (DSHR)", text: "Dear colleague,\nYour application was received.\n= not a soft break =\n",
             filename: "BS application 2026 (final).xlsx"),
        Case(language: "emoji and combining marks",
             subject: String(repeating: "👩‍👩‍👧‍👦 Ә́ ", count: 12) + "end", name: "Тест 🧪 Ұ̈", text: String(repeating: "ұзақ жол ", count: 200),
             filename: String(repeating: "ә", count: 100) + ".csv"),
    ]

    static func outgoing(_ c: Case) -> OutgoingMessage {
        var m = OutgoingMessage(from: Mailbox(displayName: c.name, address: "hr-intake@kazguu.kz"),
                                to: [Mailbox(displayName: c.name, address: "a.user@kazguu.kz"), Mailbox(displayName: nil, address: "b@kazguu.kz")],
                                subject: c.subject, text: c.text, messageIDKey: "receipt/\(c.language)", messageIDDomain: "kazguu.kz",
                                date: Date(timeIntervalSince1970: 1_778_561_477), utcOffsetSeconds: TimeZone(identifier: "Asia/Almaty")!.secondsFromGMT(for: Date(timeIntervalSince1970: 1_778_561_477)))
        m.html = "<p>" + c.text.replacingOccurrences(of: "\n", with: "<br>") + "</p>"
        m.attachments = [OutgoingMessage.Attachment(filename: c.filename, mimeType: "application/octet-stream", bytes: (0..<3000).map { UInt8(truncatingIfNeeded: $0 * 7) })]
        m.inReplyTo = "<orig@kazguu.kz>"
        m.references = ["<call-2026-05-05.7c1e9a40@kazguu.kz>", "<orig@kazguu.kz>"]
        m.autoSubmitted = "auto-replied"
        m.contentLanguage = c.language
        return m
    }

    @Test(arguments: cases)
    func roundTrip(_ c: Case) throws {
        let bytes = MessageComposer.compose(Self.outgoing(c))
        let m = try MessageParser().parse(bytes)
        #expect(m.subject == c.subject)
        #expect(m.sender?.displayName == c.name)
        #expect(m.to.map(\.displayName) == [c.name, nil])
        #expect(m.to.map(\.address) == ["a.user@kazguu.kz", "b@kazguu.kz"])
        #expect(m.messageID == MessageComposer.messageID(key: "receipt/\(c.language)", domain: "kazguu.kz"))
        #expect(m.inReplyTo == ["<orig@kazguu.kz>"])
        #expect(m.references.count == 2)
        #expect(m.date?.iso8601 == "2026-05-12T09:51:17+05:00")
        #expect(m.header["Content-Language"] == c.language)
        #expect(AutoReplyDetector.isAutoReply(m.header))
        let expectedText = c.text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try m.plainTextPart?.text() == expectedText)
        #expect(m.htmlPart != nil)
        #expect(m.fileParts.map(\.filename) == [c.filename])
        #expect(try m.fileParts.first?.decodedBody().bytes == (0..<3000).map { UInt8(truncatingIfNeeded: $0 * 7) })
        #expect(m.defects.isEmpty)
    }

    @Test(arguments: cases)
    func wireFormIsConservative(_ c: Case) {
        let bytes = MessageComposer.compose(Self.outgoing(c))
        // CRLF only, lines ≤ 998 octets, headers 7-bit.
        var lineLength = 0
        var previous: UInt8 = 0
        for b in bytes {
            if previous == 0x0D { #expect(b == 0x0A) }
            if b == 0x0A { #expect(previous == 0x0D); lineLength = 0 } else { lineLength += 1; #expect(lineLength <= 998) }
            previous = b
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let headerEnd = text.range(of: "\r\n\r\n").map { text[..<$0.lowerBound] } ?? ""
        #expect(headerEnd.unicodeScalars.allSatisfy { $0.isASCII })
        // Every encoded word ≤ 75 characters and decodable on its own (never split inside a character).
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\r\n" || $0 == "\"" }) where word.hasPrefix("=?UTF-8?B?") {
            #expect(word.count <= 75)
            let payload = word.dropFirst(10).prefix { $0 != "?" }
            #expect(String(validating: Base64.decode(Array(payload.utf8)).bytes, as: UTF8.self) != nil)
        }
    }

    @Test func noHeaderInjection() throws {
        var m = Self.outgoing(Self.cases[2])
        m.to = [Mailbox(displayName: "Evil\r\nBcc: x@evil.top", address: "a@kazguu.kz\rBcc: y@evil.top")]
        m.subject = "Hi\r\nBcc: z@evil.top"
        m.inReplyTo = "<a@b>\r\nBcc: w@evil.top"
        let parsed = try MessageParser().parse(MessageComposer.compose(m))
        #expect(parsed.header.first("Bcc") == nil)
        let bytes = MessageComposer.compose(m)
        #expect(zip(bytes, bytes.dropFirst()).allSatisfy { $0 != 0x0D || $1 == 0x0A }, "no bare CR")
    }

    @Test func messageIDIsDeterministic() {
        #expect(MessageComposer.messageID(key: "k", domain: "kazguu.kz") == MessageComposer.messageID(key: "k", domain: "kazguu.kz"))
        #expect(MessageComposer.messageID(key: "k", domain: "kazguu.kz") != MessageComposer.messageID(key: "k2", domain: "kazguu.kz"))
        #expect(MessageComposer.messageID(key: "k", domain: "kazguu.kz").hasSuffix("@kazguu.kz>"))
    }

    @Test(arguments: [(0, "Thu, 1 Jan 1970 00:00:00 +0000", 0), (1_778_561_477, "Tue, 12 May 2026 09:51:17 +0500", 18_000), (1_778_561_477, "Tue, 12 May 2026 01:21:17 -0330", -12_600)])
    func dates(_ epoch: Int, _ expected: String, _ offset: Int) {
        #expect(RFC5322DateFormat.string(Date(timeIntervalSince1970: TimeInterval(epoch)), utcOffsetSeconds: offset) == expected)
    }
}
