/// `xl/sharedStrings.xml`: the strings cells of type `s` point to by index.
enum XLSXSharedStrings {
    /// At most `limits.maxCells` strings: a string no cell uses still costs memory, and a
    /// table of millions of one-letter strings is a bomb that stays under every byte cap.
    static func read(_ xml: consuming XMLTokenizer, limits: DocumentLimits = .init()) throws(DocumentError) -> [String] {
        var strings: [String] = []
        while let token = try xml.next() {
            guard case .start(let name, let selfClosing) = token, xml.isLocal(name, "si") else { continue }
            guard strings.count < limits.maxCells else {
                throw DocumentError(.tooLarge,
                    "\(xml.partName) holds more than \(limits.maxCells) shared strings (maximum \(limits.maxCells)); "
                    + "send only the application table.")
            }
            strings.append(selfClosing ? "" : try XLSXRichText.read(&xml))
        }
        return strings
    }
}
