/// One step of `XMLTokenizer`. Names and text are byte ranges into the document, so reading
/// a large sheet allocates nothing per element; callers decode only the text they keep.
enum XMLToken {
    /// `<name …>`; `selfClosing` for `<name …/>`. Attributes are in `XMLTokenizer.attributes`
    /// until the next call to `next()`.
    case start(name: Range<Int>, selfClosing: Bool)
    case end(name: Range<Int>)
    /// Character data between tags; `raw` is true when it may hold entity references.
    case text(Range<Int>, hasReferences: Bool)
    /// The content of a `<![CDATA[…]]>` section, taken verbatim.
    case cdata(Range<Int>)
}

/// One attribute of the current start tag: byte ranges of the qualified name and the raw value.
struct XMLAttribute {
    var name: Range<Int>
    var value: Range<Int>
    var hasReferences: Bool
}
