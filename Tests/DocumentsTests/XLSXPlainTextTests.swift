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

/// Cells written `<v>…</v></c>` are set without their tokens; every other shape (and any cell a
/// window cuts) goes through the tokens. Whole and streamed, the table must be the same.
@Suite struct XLSXPlainValueTests {
    static let sheet = "<worksheet><sheetData>"
        + "<row r=\"1\"><c r=\"A1\"><v>12</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"n\"><v></v></c>"
        + "<c r=\"D1\" t=\"b\"><v>1</v></c><c r=\"E1\" t=\"str\"><f>A1&amp;B1</f><v>a&amp;b</v></c><c r=\"F1\"><v> 7 </v></c></row>"
        + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Қазақ</t></is></c><c r=\"B2\"><v>3.5</v></c><c r=\"C2\"><x:v>4</x:v></c>"
        + "<c r=\"D2\"><v><![CDATA[5]]></v></c><c r=\"E2\"><v>6</v></x:c><c r=\"F2\" t=\"e\"><v>#N/A</v></c></row>"
        + "<row r=\"3\"><c r=\"A3\"><v>8</v></row><c r=\"B3\"><v>9</v></c></row>"
        + "</sheetData></worksheet>"

    static func table(_ tokenizer: XMLTokenizer) throws -> Table {
        let limits = DocumentLimits()
        let parser = XLSXSheetParser(sharedStrings: ["zero", "one"], styles: XLSXStyles(), dateSystem: .from1900,
                                     limits: limits, budget: CellBudget(limits: limits, fileName: "test.xlsx"))
        return try parser.parse(tokenizer, name: "Sheet1", isHidden: false)
    }

    @Test func plainValuesReadAsTheirTokens() throws {
        let bytes = Array(Self.sheet.utf8)
        let whole = try Self.table(XMLTokenizer(bytes: bytes, partName: "sheet1.xml", maxDepth: 16))
        #expect(whole.rows.first?.cells.first?.value == .number(12))
        for window in [1, 2, 3, 5, 7, 8, 11, 13, 17, 29, 64, 4096] {
            let source = XMLTokenizerTests.ChunkedSource(bytes, chunk: window)
            let streamed = try Self.table(XMLTokenizer(source: source, partName: "sheet1.xml", maxDepth: 16, windowSize: window))
            #expect(streamed.rows.map(\.number) == whole.rows.map(\.number), "window \(window)")
            #expect(streamed.rows.map { $0.cells.map(\.value) } == whole.rows.map { $0.cells.map(\.value) }, "window \(window)")
        }
    }
}

/// Four-digit references to two-byte letters are decoded in line; the rest as before.
@Suite struct XMLEntityFastPathTests {
    @Test(arguments: [
        ("&#1178;&#1179;&#1256;", "ҚқӨ"),
        ("&#0128;&#2047;&#2048;&#0127;&#0065;", "\u{80}\u{7FF}\u{800}\u{7F}A"),
        ("a&#1072;b&#1073;", "aаbб"),
        ("&#1072", "&#1072"),
        ("&#1072x;", "&#1072x;"),
        ("&#10724;&#107;", "\u{29E4}k"),
        ("&#x430;&#1072;&amp;&#1072;&lt;", "аа&а<"),
        ("&#0000;&#1072;", "&#0000;а"),
    ])
    func decodesAsTheGeneralPath(_ input: String, _ expected: String) {
        #expect(XMLEntities.decode(ArraySlice(Array(input.utf8))) == expected)
    }
}
