import Foundation

/// Reads tokens from a framed response: walks the text pieces and steps into the literal that
/// follows a piece when it meets the piece's closing `{n}`. Lenient where servers differ
/// (extra spaces, `()` for NIL), strict where a mistake would misplace bytes.
struct ResponseScanner {
    struct SyntaxError: Error, Equatable {
        var reason: String
    }

    /// Parenthesised lists nest at most this deep: no real response comes close (BODYSTRUCTURE
    /// of a deeply nested MIME message stays under 20), and a hostile "((((…" must not
    /// exhaust the stack.
    static let maxNesting = 64

    private let response: RawResponse
    private var piece = 0
    private var offset = 0
    private var depth = 0

    init(_ response: RawResponse) { self.response = response }

    private var bytes: [UInt8] { piece < response.pieces.count ? response.pieces[piece] : [] }

    var atEnd: Bool { offset >= bytes.count && piece >= response.pieces.count - 1 }

    func peek() -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

    mutating func skipSpaces() {
        while peek() == UInt8(ascii: " ") { offset += 1 }
    }

    /// The rest of the current line as text (status response text).
    mutating func rest() -> String {
        skipSpaces()
        let text = String(decoding: bytes[min(offset, bytes.count)...], as: UTF8.self)
        offset = bytes.count
        return text
    }

    /// Atom characters: anything but SP, parentheses, quotes, braces, brackets and controls
    /// (RFC 9051 `ATOM-CHAR`, widened to accept `\Seen` and `\*` as flags).
    private static func isAtomByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0...0x20, 0x7F, UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\""),
            UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "]"):
            return false
        default:
            return true
        }
    }

    mutating func atom() throws(SyntaxError) -> String {
        skipSpaces()
        let start = offset
        while let byte = peek(), Self.isAtomByte(byte) { offset += 1 }
        // A section glued to the atom: BODY[…] and an optional <origin>.
        if offset > start, peek() == UInt8(ascii: "[") {
            var depth = 0
            while let byte = peek() {
                offset += 1
                if byte == UInt8(ascii: "[") { depth += 1 }
                if byte == UInt8(ascii: "]") { depth -= 1; if depth == 0 { break } }
            }
            guard depth == 0 else { throw SyntaxError(reason: "unterminated section") }
            if peek() == UInt8(ascii: "<") {
                while let byte = peek() {
                    offset += 1
                    if byte == UInt8(ascii: ">") { break }
                }
            }
        }
        guard offset > start else { throw SyntaxError(reason: "expected an atom") }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    /// One value; `]` ends a list inside a response code.
    mutating func value() throws(SyntaxError) -> IMAPValue {
        skipSpaces()
        guard let byte = peek() else { throw SyntaxError(reason: "unexpected end of response") }
        switch byte {
        case UInt8(ascii: "("):
            guard depth < Self.maxNesting else { throw SyntaxError(reason: "lists nested deeper than \(Self.maxNesting)") }
            depth += 1
            defer { depth -= 1 }
            offset += 1
            var items: [IMAPValue] = []
            while true {
                skipSpaces()
                guard let next = peek() else { throw SyntaxError(reason: "unterminated list") }
                if next == UInt8(ascii: ")") { offset += 1; return .list(items) }
                items.append(try value())
            }
        case UInt8(ascii: "\""):
            return .quoted(try quoted())
        case UInt8(ascii: "{"), UInt8(ascii: "~"):
            if byte == UInt8(ascii: "~"), offset + 1 < bytes.count, bytes[offset + 1] != UInt8(ascii: "{") {
                break
            }
            return .literal(try literal())
        default:
            break
        }
        let word = try atom()
        return word.uppercased() == "NIL" ? .nil : .atom(word)
    }

    private mutating func quoted() throws(SyntaxError) -> [UInt8] {
        offset += 1
        var result: [UInt8] = []
        while let byte = peek() {
            offset += 1
            switch byte {
            case UInt8(ascii: "\""): return result
            case UInt8(ascii: "\\"):
                guard let escaped = peek() else { throw SyntaxError(reason: "unterminated string") }
                result.append(escaped)
                offset += 1
            default: result.append(byte)
            }
        }
        throw SyntaxError(reason: "unterminated string")
    }

    /// `{n}` must close its piece; the literal is the one framed after it.
    private mutating func literal() throws(SyntaxError) -> RawResponse.Literal {
        guard let close = bytes[offset...].firstIndex(of: UInt8(ascii: "}")), close == bytes.count - 1,
            piece < response.literals.count
        else { throw SyntaxError(reason: "literal announcement not at the end of a line") }
        let literal = response.literals[piece]
        piece += 1
        offset = 0
        return literal
    }

    /// Consumes `expected` if it is next.
    mutating func take(_ expected: UInt8) -> Bool {
        skipSpaces()
        guard peek() == expected else { return false }
        offset += 1
        return true
    }
}
