import Testing
@testable import Documents

/// `isLocal` compares a qualified name's local part from its end; the answer must be that of
/// taking the text after the last `:`.
@Suite struct XMLLocalNameTests {
    static func byLastColon(_ name: String, _ local: String) -> Bool {
        (name.split(separator: ":", omittingEmptySubsequences: false).last.map(String.init) ?? name) == local
    }

    @Test func localNamesAnswerAsTheTextAfterTheLastColon() {
        let names = ["c", "x:c", "xc", "c:", ":c", "a:b:c", "is", "x:is", "ris", "row", "x:row", "arow", "v", "x:v", "",
                     "mergeCell", "x:mergeCell", "rPh", "t", "x:t", "st", "::t", "t:t"]
        let text = names.joined(separator: " ")
        let tokenizer = XMLTokenizer(bytes: Array(text.utf8), partName: "test.xml", maxDepth: 8)
        var start = 0
        for name in names {
            let range = start..<(start + name.utf8.count)
            start = range.upperBound + 1
            #expect(tokenizer.isLocal(range, "c") == Self.byLastColon(name, "c"), "\(name)")
            #expect(tokenizer.isLocal(range, "is") == Self.byLastColon(name, "is"), "\(name)")
            #expect(tokenizer.isLocal(range, "row") == Self.byLastColon(name, "row"), "\(name)")
            #expect(tokenizer.isLocal(range, "t") == Self.byLastColon(name, "t"), "\(name)")
            #expect(tokenizer.isLocal(range, "mergeCell") == Self.byLastColon(name, "mergeCell"), "\(name)")
        }
    }
}
