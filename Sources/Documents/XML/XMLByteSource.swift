/// Where a streaming `XMLTokenizer` pulls the rest of its document from (a zip member being
/// inflated). The XML layer knows nothing of archives; the archive knows nothing of XML.
protocol XMLByteSource: AnyObject {
    /// Appends at least `atLeast` more bytes to `buffer` unless the document ends first;
    /// returns how many were appended, 0 at the end.
    func read(appendingTo buffer: inout [UInt8], atLeast: Int) throws(DocumentError) -> Int
}
