/// Text decoded from bytes, with the charset that was used (`utf-8`, `windows-1251`, `kz-1048`, …).
public struct DecodedText: Sendable, Equatable {
    /// The decoded text.
    public var text: String
    /// The charset's canonical lower-case name.
    public var charset: String
    /// True when the charset was chosen by scoring the text rather than taken from a BOM,
    /// valid UTF-8 or a declared label that decoded cleanly.
    public var wasGuessed: Bool

    /// A decoding result.
    public init(text: String, charset: String, wasGuessed: Bool) {
        self.text = text
        self.charset = charset
        self.wasGuessed = wasGuessed
    }
}
