import Testing
@testable import MIME

@Suite struct HTMLTextTests {
    @Test(arguments: [
        ("<p>Hello&nbsp;<b>world</b></p><p>Second</p>", "Hello world\n\nSecond"),
        ("a<br>b<br/>c", "a\nb\nc"),
        ("<style>p{color:red}</style><script>alert(1)</script>text", "text"),
        ("<!--[if gte mso 9]><xml><o:x/></xml><![endif]-->visible", "visible"),
        ("&lt;a.user@kazguu.kz&gt; &amp; &#1179;&#x4E9; &laquo;x&raquo;", "<a.user@kazguu.kz> & қө «x»"),
        ("<table><tr><td>1</td><td>A</td></tr><tr><td>2</td><td>B</td></tr></table>", "1\tA\n2\tB"),
        ("  lots   of\n\n spaces ", "lots of spaces"),
        ("5 < 6 and 7 > 3", "5 < 6 and 7 > 3"),
        ("<a href=\"x>y\">link</a>", "link"),
        ("&unknown; &#0; &#99999999;", "&unknown; \u{FFFD} \u{FFFD}"),
    ])
    func converts(_ html: String, _ text: String) {
        #expect(HTMLText.plainText(html) == text)
    }

    @Test func metaCharsetWhenMIMEHasNone() throws {
        let html: [UInt8] = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body>".utf8)
            + [0xC7, 0xE0, 0xFF, 0xE2, 0xEA, 0xE0] + Array("</body></html>".utf8)
        let m = try MessageParser().parse(Array("From: a@x.kz\r\nContent-Type: text/html\r\n\r\n".utf8) + html)
        #expect(HTMLText.declaredCharset(html) == "windows-1251")
        #expect(m.readableText() == "Заявка")
    }
}
