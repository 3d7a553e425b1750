/// The text of a shared string item `<si>` or an inline string `<is>`: a plain `<t>` or rich
/// text runs `<r><t>…</t></r>` concatenated. Phonetic guides (`<rPh>`) are not part of the
/// text a person reads, so they are skipped.
enum XLSXRichText {
    /// Reads up to the end tag of the element just opened (`si` or `is`) and returns its text.
    static func read(_ xml: inout XMLTokenizer) throws(DocumentError) -> String {
        // `<t>…</t>` alone, as nearly every string is written: without the four tokens.
        if let plain = xml.plainTextElement() { return xml.decode(plain.text, hasReferences: plain.hasReferences) }
        var text = ""
        var depth = 1
        var inText = false
        var phoneticDepth = 0
        while depth > 0, let token = try xml.next() {
            switch token {
            case .start(let name, let selfClosing):
                if selfClosing { continue }
                depth += 1
                if xml.isLocal(name, "rPh") { phoneticDepth += 1 }
                if xml.isLocal(name, "t") { inText = true }
            case .end(let name):
                depth -= 1
                if xml.isLocal(name, "rPh") { phoneticDepth = max(0, phoneticDepth - 1) }
                if xml.isLocal(name, "t") { inText = false }
            case .text(let range, let hasReferences):
                if inText && phoneticDepth == 0 { text += xml.decode(range, hasReferences: hasReferences) }
            case .cdata(let range):
                if inText && phoneticDepth == 0 { text += xml.decode(range, hasReferences: false) }
            }
        }
        return text
    }
}
