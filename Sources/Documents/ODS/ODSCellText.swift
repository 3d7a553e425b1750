/// Collects the text of an ODF cell: paragraphs (`text:p`, `text:h`) joined by a line break,
/// `text:s` as its count of spaces, `text:tab`, `text:line-break`; annotations (comments) are
/// not cell text and are skipped.
struct ODSCellText {
    private(set) var text = ""
    private var paragraphs = 0
    private var annotationDepth = 0

    mutating func start(_ xml: XMLTokenizer, _ name: Range<Int>, selfClosing: Bool) {
        if xml.isLocal(name, "annotation") {
            if !selfClosing { annotationDepth += 1 }
            return
        }
        guard annotationDepth == 0 else { return }
        if xml.isLocal(name, "p") || xml.isLocal(name, "h") {
            if paragraphs > 0 { text += "\n" }
            paragraphs += 1
        } else if xml.isLocal(name, "s") {
            // text:c is the number of spaces; capped so `text:c="999999999"` cannot allocate.
            let count = min(xml.attributeInt("c") ?? 1, 1000)
            text += String(repeating: " ", count: max(1, count))
        } else if xml.isLocal(name, "tab") {
            text += "\t"
        } else if xml.isLocal(name, "line-break") {
            text += "\n"
        }
    }

    mutating func end(_ xml: XMLTokenizer, _ name: Range<Int>) {
        if xml.isLocal(name, "annotation") { annotationDepth = max(0, annotationDepth - 1) }
    }

    mutating func append(_ piece: String) {
        if annotationDepth == 0, paragraphs > 0 { text += piece }
    }
}
