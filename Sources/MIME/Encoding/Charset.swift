import Foundation
import TextEncoding

/// Bytes to text with a MIME charset label. Labels are often wrong or missing in real mail
/// (an attachment declared windows-1251 that is KZ-1048, raw 8-bit headers with no label at all),
/// so an unknown label or bytes invalid in it fall back to TextEncoding's guess.
enum Charset {
    static func decode(_ bytes: [UInt8], label: String?) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        let declared = normalized(label)
        if let declared {
            // A single-byte Cyrillic label decodes almost any bytes, so it cannot prove itself right:
            // UTF-8 and KZ-1048 text often arrive labelled windows-1251. Let the scoring decide,
            // with the label winning ties.
            if cyrillicSingleByte.contains(declared) { return TextDecoding.guess(bytes, declared: declared).text }
            if let text = TextDecoding.decode(bytes, label: declared) { return text }
        }
        return TextDecoding.guess(bytes, declared: declared).text
    }

    static let cyrillicSingleByte: Set<String> = [
        "windows-1251", "cp1251", "win-1251", "x-cp1251", "koi8-r", "koi8-u", "kz-1048", "rk1048", "strk1048-2002",
        "pt154", "ptcp154", "cp866", "ibm866", "iso-8859-5",
    ]

    /// Raw header bytes: RFC 6532 UTF-8 when valid, else a guessed legacy charset.
    static func decodeHeader<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        let array = Array(bytes)
        if let text = String(validating: array, as: UTF8.self) { return text }
        return TextDecoding.guess(array).text
    }

    /// Strips RFC 2231 language suffixes ("utf-8*kk") and quotes; nil for an empty label.
    static func normalized(_ label: String?) -> String? {
        // The usual label (`UTF-8`, `windows-1251`) has nothing to trim: only its case changes,
        // without building a CharacterSet and trimming twice (this runs for every encoded word).
        if let label, !label.isEmpty, label.utf8.allSatisfy(isPlainLabelByte) { return label.lowercased() }
        guard var l = label?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let star = l.firstIndex(of: "*") { l = String(l[..<star]) }
        l = l.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        return l.isEmpty ? nil : l.lowercased()
    }

    /// ASCII letters, digits, `-`, `_`, `.` and `:`: no whitespace, `*` or quote to trim.
    private static func isPlainLabelByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"):
            return true
        default:
            return false
        }
    }
}
