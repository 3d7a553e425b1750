import Testing
@testable import Documents
import Foundation

@Suite struct XMLTokenizerTests {
    /// A readable trace of the tokens: `<name a=v>`, `</name>`, `"text"`.
    private func trace(_ xml: String, maxDepth: Int = 64) throws(DocumentError) -> [String] {
        try trace(XMLTokenizer(bytes: Array(xml.utf8), partName: "part.xml", maxDepth: maxDepth))
    }

    private func trace(_ tokenizer: consuming XMLTokenizer) throws(DocumentError) -> [String] {
        var result: [String] = []
        while let token = try tokenizer.next() {
            switch token {
            case .start(let name, let selfClosing):
                let attributes = tokenizer.attributes.map { attribute in
                    let name = String(decoding: tokenizer.bytes[attribute.name], as: UTF8.self)
                    return " \(name)=\(tokenizer.decode(attribute.value, hasReferences: attribute.hasReferences))"
                }.joined()
                result.append("<\(String(decoding: tokenizer.bytes[name], as: UTF8.self))\(attributes)\(selfClosing ? "/" : "")>")
            case .end(let name):
                result.append("</\(String(decoding: tokenizer.bytes[name], as: UTF8.self))>")
            case .text(let range, let hasReferences):
                result.append("\"\(tokenizer.decode(range, hasReferences: hasReferences))\"")
            case .cdata(let range):
                result.append("\"\(tokenizer.decode(range, hasReferences: false))\"")
            }
        }
        return result
    }

    @Test(arguments: [
        ("<?xml version=\"1.0\"?><a x='1' y=\"&lt;2&gt;\"><b/></a>", ["<a x=1 y=<2>>", "<b/>", "</a>"]),
        ("<t>&amp;&quot;&apos;&#1178;&#x4E2;&unknown;</t>", ["<t>", "\"&\"'ҚӢ&unknown;\"", "</t>"]),
        ("<t><![CDATA[<not a tag> &amp;]]></t>", ["<t>", "\"<not a tag> &amp;\"", "</t>"]),
        ("<a><!-- <b> --><c:d/></a>", ["<a>", "<c:d/>", "</a>"]),
        ("\u{FEFF}<a>x</a>", ["<a>", "\"x\"", "</a>"]),
        // Not references: kept as written.
        ("<t>&#;&#12&#0;&#123456789;&#xD800;&#1114112;a&b</t>", ["<t>", "\"&#;&#12&#0;&#123456789;&#xD800;&#1114112;a&b\"", "</t>"]),
        ("<t>&#065;&#x41;&#X41;&#0000065;&lt;&#1178;</t>", ["<t>", "\"AAAA<Қ\"", "</t>"]),
    ])
    func tokens(xml: String, expected: [String]) throws {
        #expect(try trace(xml) == expected)
    }

    @Test(arguments: [
        ("<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>", DocumentError.Kind.unsafeArchive),
        ("<x><!ENTITY a SYSTEM \"file:///etc/passwd\"></x>", .unsafeArchive),
        ("<a><a><a><a><a>", .unsafeArchive),
        ("<a b=c></a>", .encryptedOrCorrupt),
        ("<a b=\"unterminated></a>", .encryptedOrCorrupt),
        ("< a>", .encryptedOrCorrupt),
    ])
    func refusals(xml: String, kind: DocumentError.Kind) {
        let error = #expect(throws: DocumentError.self) { try trace(xml, maxDepth: 4) }
        #expect(error?.kind == kind)
    }

    // MARK: - Streaming

    /// Hands out the document `chunk` bytes per read (or what was asked, if more), counting reads.
    final class ChunkedSource: XMLByteSource {
        let bytes: [UInt8]
        let chunk: Int
        var offset = 0
        var reads = 0
        init(_ bytes: [UInt8], chunk: Int) { self.bytes = bytes; self.chunk = chunk }
        func read(appendingTo buffer: inout [UInt8], atLeast: Int) throws(DocumentError) -> Int {
            reads += 1
            let end = min(bytes.count, offset + max(chunk, atLeast))
            buffer.append(contentsOf: bytes[offset..<end])
            defer { offset = end }
            return end - offset
        }
    }

    private func streamed(_ xml: String, window: Int, maxDepth: Int = 64) throws(DocumentError) -> [String] {
        let source = ChunkedSource(Array(xml.utf8), chunk: window)
        return try trace(XMLTokenizer(source: source, partName: "part.xml", maxDepth: maxDepth, windowSize: window))
    }

    static let streamingDocuments = [
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a x='1>2' y=\"&lt;2&gt;\"><b/>text &amp; more</a>",
        "\u{FEFF}<a>x</a>",
        "<t>&#1178;&#x4E2;<![CDATA[<not a tag> ]]]]></t><!-- a <comment> -- here --><u>Қазақ тілі</u>",
        "<?pi stuff?><r><c r=\"A1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">  Ұлттық  </t></is></c></r>",
        "<a>" + String(repeating: "<row r=\"1\"><c><v>12.5</v></c></row>", count: 40) + "</a>",
    ]

    /// Any window size, down to one byte, gives exactly the tokens of the whole document.
    @Test(arguments: streamingDocuments)
    func streamingMatchesWholeDocument(xml: String) throws {
        let whole = try trace(xml)
        for window in [1, 2, 3, 5, 8, 13, 64, 4096] {
            #expect(try streamed(xml, window: window) == whole, "window \(window)")
        }
    }

    @Test(arguments: [
        ("<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>", DocumentError.Kind.unsafeArchive),
        ("<a><a><a><a><a>", .unsafeArchive),
        ("<a b=\"unterminated></a>", .encryptedOrCorrupt),
        ("<a b=c></a>", .encryptedOrCorrupt),
    ])
    func streamingRefusesLikeWholeDocument(xml: String, kind: DocumentError.Kind) {
        for window in [1, 4, 64] {
            let error = #expect(throws: DocumentError.self) { try streamed(xml, window: window, maxDepth: 4) }
            #expect(error?.kind == kind, "window \(window)")
        }
    }

    /// A text node (or attribute, or comment) longer than the token cap is refused with the
    /// figure that tripped, and the window never grows far past the cap.
    @Test(arguments: ["<a><t>#</t></a>", "<a><t v=\"#\"/></a>", "<a><!--#--></a>"])
    func oversizedTokensAreRefused(_ template: String) {
        let xml = template.replacingOccurrences(of: "#", with: String(repeating: "x", count: 3 << 20))
        let source = ChunkedSource(Array(xml.utf8), chunk: 64 * 1024)
        var tokenizer = XMLTokenizer(source: source, partName: "part.xml", maxDepth: 8, windowSize: 64 * 1024,
                                     maxTokenBytes: 1 << 20)
        let error = #expect(throws: DocumentError.self) { while try tokenizer.next() != nil {} }
        #expect(error?.kind == .unsafeArchive)
        #expect(error?.detail.contains("maximum 1048576, limits.max_xml_token_bytes") == true)
        #expect(tokenizer.bytes.capacity < 4 << 20)
    }

    /// A long text or comment is not rescanned once per small window: each pull asks for at
    /// least what the unfinished token already holds, so the pulls grow geometrically.
    @Test func longTokensArePulledGeometrically() throws {
        let long = String(repeating: "x", count: 4 << 20)
        let xml = "<a><!--" + long + "--><t>" + long + "</t></a>"
        let source = ChunkedSource(Array(xml.utf8), chunk: 1024)
        var tokenizer = XMLTokenizer(source: source, partName: "part.xml", maxDepth: 8, windowSize: 1024,
                                     maxTokenBytes: 16 << 20)
        var textBytes = 0
        while let token = try tokenizer.next() {
            if case .text(let range, _) = token { textBytes += range.count }
        }
        #expect(textBytes == long.utf8.count)
        #expect(source.reads < 64, "\(source.reads) reads")
    }

    /// The window is compacted as tokens are consumed: a large document never sits whole in it.
    @Test func windowStaysSmall() throws {
        let xml = "<a>" + String(repeating: "<c r=\"B7\"><v>123</v></c>", count: 50_000) + "</a>"
        let source = ChunkedSource(Array(xml.utf8), chunk: 4096)
        var tokenizer = XMLTokenizer(source: source, partName: "part.xml", maxDepth: 8, windowSize: 4096)
        var largest = 0
        var cells = 0
        while let token = try tokenizer.next() {
            largest = max(largest, tokenizer.bytes.count)
            if case .start(let name, _) = token, tokenizer.isLocal(name, "c") { cells += 1 }
        }
        #expect(cells == 50_000)
        #expect(largest <= 2 * 4096, "window grew to \(largest) bytes of \(xml.utf8.count)")
    }
}
