import Testing
@testable import Documents

@Suite struct XMLTokenizerTests {
    /// A readable trace of the tokens: `<name a=v>`, `</name>`, `"text"`.
    private func trace(_ xml: String, maxDepth: Int = 64) throws(DocumentError) -> [String] {
        var tokenizer = XMLTokenizer(bytes: Array(xml.utf8), partName: "part.xml", maxDepth: maxDepth)
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
}
