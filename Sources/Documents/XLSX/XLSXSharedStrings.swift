/// `xl/sharedStrings.xml`: the strings cells of type `s` point to by index.
enum XLSXSharedStrings {
    static func read(_ xml: consuming XMLTokenizer) throws(DocumentError) -> [String] {
        var strings: [String] = []
        while let token = try xml.next() {
            guard case .start(let name, let selfClosing) = token, xml.isLocal(name, "si") else { continue }
            strings.append(selfClosing ? "" : try XLSXRichText.read(&xml))
        }
        return strings
    }
}
