import Digest
import Foundation
import Store
import Testing
@testable import Console

/// One message's inspect view: the facts `cpdbot inspect` prints (sender, ids, files with their
/// SHA-256), read from the archived bytes, escaped; a message whose bytes are gone says so.
@Suite struct MessageReadingTests {
    static let raw = """
        From: "Сейтқали Әлібек" <head.law@kazguu.kz>\r
        To: <hr-intake@kazguu.kz>\r
        Subject: =?utf-8?B?06jRgtGW0L3RltC8?=\r
        Date: Thu, 28 May 2026 10:00:00 +0500\r
        Message-ID: <inspect-1@kazguu.kz>\r
        MIME-Version: 1.0\r
        Content-Type: multipart/mixed; boundary="b"\r
        \r
        --b\r
        Content-Type: text/plain; charset=utf-8\r
        \r
        Өтінім қоса берілді.\r
        --b\r
        Content-Type: text/csv; name="<img src=x>.csv"\r
        Content-Disposition: attachment; filename="<img src=x>.csv"\r
        \r
        a,b\r
        --b--\r

        """

    @Test func theMessagePageShowsHowTheBotReadItEscaped() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        let bytes = Data(Self.raw.utf8)
        let sha = SHA256.hexDigest(bytes)
        _ = try fixture.store.archive.store(raw: bytes, messageID: "<inspect-1@kazguu.kz>", receivedAt: fixture.clock.now, now: fixture.clock.now)
        try fixture.store.journal.append(JournalEvent(at: fixture.clock.now, event: .routed, messageID: "<inspect-1@kazguu.kz>",
                                                      outcome: "processed", from: "head.law@kazguu.kz", sha256: sha))
        let dshr = TestBrowser(app: fixture.app)
        dshr.signIn("dshr.console@kazguu.kz", mailer: fixture.mailer)
        let page = dshr.get("/messages/" + sha, query: ["lang": "en"])
        #expect(page.status == 200)
        let text = page.bodyText
        #expect(text.contains("How the bot read it"))
        #expect(text.contains("Сейтқали Әлібек &lt;head.law@kazguu.kz&gt;"))
        #expect(text.contains("&lt;inspect-1@kazguu.kz&gt;"))
        #expect(text.contains("&lt;img src=x&gt;.csv") && !text.contains("<img src=x>"), "a file name is text")
        #expect(text.contains("read without problems"))
        #expect(text.contains("<dd>Өтінім</dd>"), "the subject decoded (RFC 2047)")
        // The same facts in Kazakh.
        #expect(dshr.get("/messages/" + sha, query: ["lang": "kk"]).bodyText.contains("Бот хатты қалай оқыды"))

        // The journal keeps the lines after retention removed the bytes: the page says so.
        let gone = String(repeating: "ef", count: 32)
        try fixture.store.journal.append(JournalEvent(at: fixture.clock.now, event: .routed, messageID: "<old@x>",
                                                      outcome: "ignored", from: "head.law@kazguu.kz", sha256: gone))
        let old = dshr.get("/messages/" + gone, query: ["lang": "en"])
        #expect(old.status == 200 && old.bodyText.contains("no longer kept"))
    }
}
