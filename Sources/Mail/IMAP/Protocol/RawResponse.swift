import Foundation

/// One complete server response as framed off the wire (RFC 9051 §4.3): the text of its line(s)
/// and the literals that sat between them. Text piece `i` ends with the `{n}` that announced
/// literal `i`.
struct RawResponse: Sendable, Equatable {
    var pieces: [[UInt8]] = []
    var literals: [Literal] = []

    /// A literal's bytes, held once; or only its size when it was over the limit and skipped.
    enum Literal: Sendable, Equatable {
        case data(Data)
        case tooLarge(size: Int)
    }

    /// The first line, for error messages (bounded, never the literal bytes).
    var excerpt: String {
        let line = pieces.first ?? []
        return String(decoding: line.prefix(200), as: UTF8.self)
    }
}
