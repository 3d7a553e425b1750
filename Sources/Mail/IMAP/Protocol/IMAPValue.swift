import Foundation

/// A value in a server response (RFC 9051 §4): atom, number, string, literal, NIL or list.
/// Atoms keep a directly attached section, so `BODY[HEADER.FIELDS (FROM)]<0>` is one atom.
enum IMAPValue: Sendable, Equatable {
    case atom(String)
    case quoted([UInt8])
    case literal(RawResponse.Literal)
    case list([IMAPValue])
    case `nil`

    var atom: String? {
        if case .atom(let text) = self { return text }
        return nil
    }

    /// A number (RFC 9051 `number`/`nz-number`), whether sent as an atom or quoted.
    var number: UInt64? {
        switch self {
        case .atom(let text): return UInt64(text)
        case .quoted(let bytes): return UInt64(String(decoding: bytes, as: UTF8.self))
        default: return nil
        }
    }

    var uid: UInt32? { number.flatMap { UInt32(exactly: $0) } }

    /// Text of an atom, quoted string or literal (astring / nstring).
    var text: String? {
        switch self {
        case .atom(let text): return text
        case .quoted(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .literal(.data(let data)): return String(decoding: data, as: UTF8.self)
        default: return nil
        }
    }

    var list: [IMAPValue]? {
        if case .list(let values) = self { return values }
        return nil
    }
}
