import Testing
@testable import Documents

/// Plain `<t>…</t>` string items are read without tokens; every other shape goes through the
/// tokens. Both must give the same strings, whole or streamed through windows of any size
/// (a window's end falls inside every construct at some size).
@Suite struct XLSXPlainTextTests {
    static let items: [(xml: String, text: String)] = [
        ("<si><t>Қазақ тілі</t></si>", "Қазақ тілі"),
        ("<si><t>&#1178;&#x4E2;a&amp;b&lt;</t></si>", "ҚӢa&b<"),
        ("<si><t></t></si>", ""),
        ("<si/>", ""),
        ("<si><t/></si>", ""),
        ("<si><t xml:space=\"preserve\">  Ұлттық  </t></si>", "  Ұлттық  "),
        ("<si><r><t>Bold</t></r><r><rPr/><t> and plain</t></r></si>", "Bold and plain"),
        ("<si><t>Т.А.Ә.</t><rPh sb=\"0\" eb=\"1\"><t>phonetic</t></rPh></si>", "Т.А.Ә."),
        ("<si><t><![CDATA[<not a tag>]]></t></si>", "<not a tag>"),
        ("<si><x:t>prefixed</x:t></si>", "prefixed"),
        ("<si><t>spaced end</t ></si >", "spaced end"),
        ("<si>\n  <t>indented</t>\n</si>", "indented"),
        ("<x:si><t>prefixed parent</t></x:si>", "prefixed parent"),
        ("<si><t>a</t></si><si><t>b</t></si>", "a"),
    ]

    static func strings(_ tokenizer: XMLTokenizer) throws -> [String] {
        try XLSXSharedStrings.read(tokenizer)
    }

    @Test func plainAndRichItemsReadAlike() throws {
        let document = "<sst>" + Self.items.map(\.xml).joined() + "</sst>"
        var expected = Self.items.map(\.text)
        expected.insert("b", at: expected.count)  // the last case holds two items
        let whole = try Self.strings(XMLTokenizer(bytes: Array(document.utf8), partName: "sharedStrings.xml", maxDepth: 16))
        #expect(whole == expected)
        for window in [1, 2, 3, 4, 5, 7, 8, 9, 13, 21, 64, 4096] {
            let source = XMLTokenizerTests.ChunkedSource(Array(document.utf8), chunk: window)
            let streamed = try Self.strings(XMLTokenizer(source: source, partName: "sharedStrings.xml", maxDepth: 16, windowSize: window))
            #expect(streamed == expected, "window \(window)")
        }
    }

    @Test func theDepthCapHoldsOnThePlainPath() {
        // `<sst><si><t>` is three levels: a cap of two refuses it as the tokens do.
        let document = Array("<sst><si><t>x</t></si></sst>".utf8)
        #expect(throws: DocumentError.self) {
            try Self.strings(XMLTokenizer(bytes: document, partName: "sharedStrings.xml", maxDepth: 2))
        }
        #expect((try? Self.strings(XMLTokenizer(bytes: document, partName: "sharedStrings.xml", maxDepth: 3))) == ["x"])
    }
}
